/**
 * IBM QRadar's Log Event Extended Format, LEEF:1.0 and LEEF:2.0, one record
 * per line or syslog message, with or without a syslog header:
 * `LEEF:Version|Vendor|Product|Version|EventID|[Delimiter|]Attributes`.
 * Attributes are key=value, separated by a tab unless LEEF:2.0 names
 * another delimiter, as a character (`^`) or in hex (`0x5E`, `x5E`).
 */
import { parseDeviceTime } from './device-time';
import { endpointFrom } from './endpoint-fields';
import { countPipeFields, splitPipeHeader } from './pipe-header';
import { protocolName } from './protocol-name';
import { parsePayloadRecord } from './payload-record';
import { envelopeAlertId, type SyslogEnvelope } from './syslog-envelope';
import { boundTags, normalizeCategory, truncate } from './text';
import type { ParseResult, Parser } from './types';
import { severityOfScore } from './vendor-severity';

const HEADER_FIELDS = 5;
const MAX_TAGS = 20;
const TAB = '\t';
const HEX_DELIMITER = /^0?x([0-9a-f]{2,4})$/i;

/** The LEEF parser: framing 'lines', one record per line. */
export const leefParser: Parser = {
  format: 'leef',
  framing: 'lines',
  parse: (record) => parseLeefRecord(record, Date.now()),
};

/**
 * Parses one LEEF record into one alert; never throws. `now` stands in for
 * the time of a record that carries none and places a BSD header's date.
 */
export function parseLeefRecord(record: string, now: number): ParseResult {
  return parsePayloadRecord(record, now, { LEEF: readLeef });
}

/** The alert of an opened envelope whose payload is LEEF; `raw` is the whole record. May throw. */
export function readLeef(envelope: SyslogEnvelope, raw: string, now: number): ParseResult {
  const split = splitPipeHeader(envelope.payload, HEADER_FIELDS);
  if (!split) {
    const found = countPipeFields(envelope.payload);
    return { ok: false, reason: `LEEF header has ${found} of ${HEADER_FIELDS} fields` };
  }
  const [version = '', vendor = '', product = '', , eventId = ''] = split.fields;
  const leefVersion = /^LEEF:([12])(?:\.0)?$/.exec(version.trim())?.[1];
  if (!leefVersion)
    return { ok: false, reason: `unsupported LEEF version "${version.slice(0, 20)}"` };
  const { delimiter, attributes } =
    leefVersion === '2' ? delimitedBy(split.rest) : { delimiter: TAB, attributes: split.rest };
  const fields = parseAttributes(attributes, delimiter);
  const source = endpointFrom(fields, { ip: ['src'], port: 'srcPort' });
  if (!source.ok) return { ok: false, reason: `LEEF record has an ${source.reason}` };
  const destination = endpointFrom(fields, { ip: ['dst'], port: 'dstPort' });
  if (!destination.ok) return { ok: false, reason: `LEEF record has an ${destination.reason}` };
  const category = fields.get('cat')?.trim();
  return {
    ok: true,
    alerts: [
      {
        id: envelopeAlertId(envelope),
        kind: 'alert',
        observedAt:
          parseDeviceTime(fields.get('devTime'), now) ?? envelope.header?.timestamp ?? now,
        // LEEF's sev is the 1-10 score of vendor-severity.ts; a record without one is not rated.
        severity: severityOfScore(fields.get('sev') ?? '') ?? 'info',
        // LEEF has no event name: the event id names the event within its product.
        title: truncate(`${product.trim()}: ${eventId.trim()}`, 500),
        category: category ? normalizeCategory(category) : 'unknown',
        source: source.endpoint,
        destination: destination.endpoint,
        sectors: [],
        tags: boundTags(
          [`device:${vendor.trim()} ${product.trim()}`, protocolName(fields.get('proto'))],
          MAX_TAGS,
        ),
        signature: truncate(`leef:${vendor.trim()}:${product.trim()}:${eventId.trim()}`, 300),
        raw,
      },
    ],
  };
}

/**
 * LEEF:2.0's optional delimiter field and the attributes after it. A field
 * that is one character or a hex code, followed by a pipe, is the
 * delimiter; anything else is the start of the attributes (tab-separated).
 */
function delimitedBy(rest: string): { delimiter: string; attributes: string } {
  const pipe = rest.indexOf('|');
  const spec = pipe < 0 ? undefined : rest.slice(0, pipe);
  const hex = spec === undefined ? undefined : HEX_DELIMITER.exec(spec)?.[1];
  if (hex !== undefined) {
    return { delimiter: String.fromCharCode(parseInt(hex, 16)), attributes: rest.slice(pipe + 1) };
  }
  if (spec?.length === 1) return { delimiter: spec, attributes: rest.slice(pipe + 1) };
  return { delimiter: TAB, attributes: rest };
}

/**
 * key=value attributes split at the delimiter; a value may hold '='. Some
 * forwarders write a tab as the two characters `\t` (the Tenzir
 * leef-over-syslog sample does, under a header that declares 0x09), so
 * those split the attributes when a tab delimiter finds no tab.
 */
function parseAttributes(text: string, delimiter: string): Map<string, string> {
  const separator =
    delimiter === TAB && !text.includes(TAB) && text.includes('\\t') ? '\\t' : delimiter;
  const fields = new Map<string, string>();
  for (const item of text.split(separator)) {
    const equals = item.indexOf('=');
    const key = item.slice(0, equals).trim();
    if (equals > 0 && key && !fields.has(key)) fields.set(key, item.slice(equals + 1).trim());
  }
  return fields;
}
