/**
 * Suricata EVE JSON, one event per line. Alerts become alerts; every other
 * valid event type is counted as ignored.
 */
import type { Severity } from '../../shared/vocab';
import { alertId } from './alert-id';
import { eveCategory } from './eve-category';
import { eveEndpoints } from './eve-endpoints';
import {
  field,
  isJsonObject,
  numberField,
  objectField,
  objectsField,
  stringField,
  type JsonObject,
} from './fields';
import { parseJsonRecord } from './json-record';
import { boundTags, truncate } from './text';
import { parseTimestamp } from './time';
import type { ParseResult, Parser } from './types';

const SOURCE = 'suricata-eve';
const MAX_TAGS = 20;

/** The EVE parser: framing 'lines', one JSON event per record. */
export const eveParser: Parser = {
  format: 'eve',
  framing: 'lines',
  parse: parseEveRecord,
};

/** Parses one EVE line into at most one alert; never throws. */
export function parseEveRecord(record: string): ParseResult {
  try {
    return parseLine(record.trim());
  } catch (error) {
    return { ok: false, reason: `EVE record could not be read: ${String(error).slice(0, 120)}` };
  }
}

function parseLine(line: string): ParseResult {
  const json = parseJsonRecord(line);
  if (!json.ok) return json;
  const event = json.value;
  if (!isJsonObject(event)) return { ok: false, reason: 'EVE record is not a JSON object' };
  const eventType = stringField(event, 'event_type');
  if (!eventType) return { ok: false, reason: 'EVE record has no event_type' };
  if (eventType !== 'alert') {
    // fromEntries makes an own property even of a hostile "__proto__".
    return { ok: true, alerts: [], ignored: Object.fromEntries([[truncate(eventType, 64), 1]]) };
  }
  return alertFromEvent(event, line);
}

function alertFromEvent(event: JsonObject, line: string): ParseResult {
  const alert = objectField(event, 'alert');
  if (!alert) return { ok: false, reason: 'EVE alert has no alert object' };
  const title = stringField(alert, 'signature')?.trim();
  if (!title) return { ok: false, reason: 'EVE alert has no alert.signature' };
  const observedAt = parseTimestamp(field(event, 'timestamp'));
  if (observedAt === undefined) {
    const raw = JSON.stringify(field(event, 'timestamp') ?? null).slice(0, 60);
    return { ok: false, reason: `EVE alert has an invalid timestamp ${raw}` };
  }
  const endpoints = eveEndpoints(event);
  if (!endpoints.ok) return { ok: false, reason: `EVE alert has an ${endpoints.reason}` };
  return {
    ok: true,
    alerts: [
      {
        id: alertId(SOURCE, line),
        kind: 'alert',
        observedAt,
        severity: severityOf(numberField(alert, 'severity')),
        title: truncate(title, 500),
        category: eveCategory(stringField(alert, 'category')),
        source: endpoints.source,
        destination: endpoints.destination,
        sectors: [],
        tags: boundTags(tagsOf(event, alert), MAX_TAGS),
        signature: signatureOf(alert, title),
        raw: line,
      },
    ],
  };
}

/** Suricata priority: 1 is the most severe; 4 and beyond, or none, are informational. */
function severityOf(priority: number | undefined): Severity {
  if (priority === 1) return 'high';
  if (priority === 2) return 'medium';
  if (priority === 3) return 'low';
  return 'info';
}

/** gid:sid:rev names one rule revision; the message stands in when a sid is missing. */
function signatureOf(alert: JsonObject, title: string): string {
  const sid = numberField(alert, 'signature_id');
  if (sid === undefined) return truncate(`suricata:msg:${title}`, 300);
  const gid = numberField(alert, 'gid') ?? 1;
  const rev = numberField(alert, 'rev') ?? 0;
  return `suricata:${gid}:${sid}:${rev}`;
}

function* tagsOf(event: JsonObject, alert: JsonObject): Generator<string | undefined> {
  yield stringField(event, 'proto')?.toLowerCase();
  yield stringField(event, 'app_proto');
  yield stringField(alert, 'action');
  yield dnsQuery(event);
  const metadata = objectField(alert, 'metadata') ?? {};
  for (const [key, values] of Object.entries(metadata)) {
    for (const value of Array.isArray(values) ? values : [values]) {
      if (typeof value === 'string') yield `${key}:${value}`;
    }
  }
}

/** The queried name of a DNS alert, as a tag: it names what was asked, not the resolver. */
function dnsQuery(event: JsonObject): string | undefined {
  const dns = objectField(event, 'dns');
  if (!dns) return undefined;
  // EVE v1 puts rrname on dns itself, v2 in dns.query[], Suricata 8 in dns.queries[].
  const query = [dns, ...objectsField(dns, 'query'), ...objectsField(dns, 'queries')]
    .map((item) => stringField(item, 'rrname'))
    .find((name) => name !== undefined);
  return query === undefined ? undefined : `dns:${query}`;
}
