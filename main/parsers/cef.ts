/**
 * ArcSight Common Event Format (CEF:0 and CEF:1), one record per line or
 * syslog message, with or without a syslog header:
 * `CEF:Version|Vendor|Product|Version|Signature ID|Name|Severity|Extension`.
 */
import type { Severity } from '../../shared/vocab';
import { parseCefExtension } from './cef-extension';
import { parseDeviceTime } from './device-time';
import { endpointFrom } from './endpoint-fields';
import { countPipeFields, splitPipeHeader } from './pipe-header';
import { protocolName } from './protocol-name';
import { parsePayloadRecord } from './payload-record';
import { envelopeAlertId, type SyslogEnvelope } from './syslog-envelope';
import { boundTags, normalizeCategory, truncate } from './text';
import type { ParseResult, Parser } from './types';
import { severityOfScore } from './vendor-severity';

const HEADER_FIELDS = 7;
const MAX_TAGS = 20;
const CUSTOM_STRINGS = [1, 2, 3, 4, 5, 6];

/** The CEF parser: framing 'lines', one record per line. */
export const cefParser: Parser = {
  format: 'cef',
  framing: 'lines',
  parse: (record) => parseCefRecord(record, Date.now()),
};

/**
 * Parses one CEF record into one alert; never throws. `now` stands in for
 * the time of a record that carries none and places a BSD header's date.
 */
export function parseCefRecord(record: string, now: number): ParseResult {
  return parsePayloadRecord(record, now, { CEF: readCef });
}

/** The alert of an opened envelope whose payload is CEF; `raw` is the whole record. May throw. */
export function readCef(envelope: SyslogEnvelope, raw: string, now: number): ParseResult {
  const split = splitPipeHeader(envelope.payload, HEADER_FIELDS);
  if (!split) {
    const found = countPipeFields(envelope.payload);
    return { ok: false, reason: `CEF header has ${found} of ${HEADER_FIELDS} fields` };
  }
  const [version = '', vendor = '', product = '', , signatureId = '', name = '', severity = ''] =
    split.fields;
  if (!/^CEF:[01]$/.test(version.trim())) {
    return { ok: false, reason: `unsupported CEF version "${version.slice(0, 20)}"` };
  }
  const fields = parseCefExtension(split.rest);
  const source = endpointFrom(fields, {
    ip: ['src', ...labelled(fields, 'c6a2', /source/i)],
    port: 'spt',
    hostname: 'shost',
  });
  if (!source.ok) return { ok: false, reason: `CEF record has an ${source.reason}` };
  const destination = endpointFrom(fields, {
    ip: ['dst', ...labelled(fields, 'c6a3', /destination/i)],
    port: 'dpt',
    hostname: 'dhost',
  });
  if (!destination.ok) return { ok: false, reason: `CEF record has an ${destination.reason}` };
  const deviceTime = ['rt', 'end', 'start']
    .map((key) => parseDeviceTime(fields.get(key), now))
    .find((time) => time !== undefined);
  const title = name.trim() || `${product.trim()}: ${signatureId.trim()}`;
  const category = fields.get('cat')?.trim();
  return {
    ok: true,
    alerts: [
      {
        id: envelopeAlertId(envelope),
        kind: 'alert',
        observedAt: deviceTime ?? envelope.header?.timestamp ?? now,
        severity: cefSeverity(severity),
        title: truncate(title, 500),
        category: category ? normalizeCategory(category) : 'unknown',
        source: source.endpoint,
        destination: destination.endpoint,
        sectors: [],
        tags: boundTags(tagsOf(fields, vendor, product), MAX_TAGS),
        signature: truncate(`cef:${vendor.trim()}:${product.trim()}:${signatureId.trim()}`, 300),
        raw,
      },
    ],
  };
}

/**
 * CEF's severity: the 0-10 score (see vendor-severity.ts), or the words
 * CEF:1 allows. Low, Medium and High keep their names, Very-High is
 * critical, and Unknown (or anything else) is info: nothing says it is more.
 */
export function cefSeverity(text: string): Severity {
  const score = severityOfScore(text);
  if (score) return score;
  switch (
    text
      .trim()
      .toLowerCase()
      .replace(/[\s_-]/g, '')
  ) {
    case 'low':
      return 'low';
    case 'medium':
      return 'medium';
    case 'high':
      return 'high';
    case 'veryhigh':
      return 'critical';
    default:
      return 'info';
  }
}

/**
 * `key` when its label says it is the wanted side: CEF has no standard key
 * for IPv6 addresses, and ArcSight's guide gives c6a2 and c6a3 the labels
 * "Source IPv6 Address" and "Destination IPv6 Address" for them.
 */
function labelled(fields: ReadonlyMap<string, string>, key: string, side: RegExp): string[] {
  const label = fields.get(`${key}Label`) ?? '';
  return side.test(label) && /ipv6/i.test(label) ? [key] : [];
}

function* tagsOf(
  fields: ReadonlyMap<string, string>,
  vendor: string,
  product: string,
): Generator<string | undefined> {
  yield `device:${vendor.trim()} ${product.trim()}`;
  yield fields.get('act');
  yield fields.get('app');
  yield protocolName(fields.get('proto'));
  for (const n of CUSTOM_STRINGS) {
    const label = fields.get(`cs${n}Label`)?.trim();
    const value = fields.get(`cs${n}`)?.trim();
    if (label && value) yield `${label}:${value}`;
  }
}
