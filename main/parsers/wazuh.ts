/**
 * Wazuh alerts (alerts.json, one alert per line), also as the indexer
 * returns them (a hit with the alert in `_source`) or pretty-printed.
 */
import type { Severity } from '../../shared/vocab';
import { alertId } from './alert-id';
import { endpointOfValues, placedByFeed } from './endpoint-values';
import {
  field,
  numberField,
  objectField,
  stringField,
  stringsField,
  type JsonObject,
} from './fields';
import { parseJsonEvents, withJsonFileFraming, type EventResult } from './json-events';
import { canonicalIp } from './network';
import { boundTags, normalizeCategory, truncate } from './text';
import { parseTimestamp } from './time';
import type { ParseResult, Parser } from './types';

const MAX_TAGS = 30;

/** The Wazuh parser: framing 'lines'; a file that is one JSON document is read whole. */
export const wazuhParser: Parser = {
  format: 'wazuh',
  framing: 'lines',
  parse: parseWazuhRecord,
  openStream: (head) => withJsonFileFraming(wazuhParser, head),
};

/** Parses one Wazuh alert (or an array of them); never throws. */
export function parseWazuhRecord(record: string): ParseResult {
  return parseJsonEvents(record, 'Wazuh', wazuhAlert);
}

/**
 * Wazuh rule levels 0-15 onto our five severities, on the bands of
 * Wazuh's own rule classification: 0-3 are ignored, system notifications
 * and successful events (info); 4-6 low-priority errors and low-relevance
 * attacks (low); 7-11 bad words, first-time events, invalid sources,
 * repeated errors and integrity warnings (medium); 12-14 high-importance
 * events (high); 15 a severe attack (critical).
 */
export function severityOfLevel(level: number): Severity {
  if (level >= 15) return 'critical';
  if (level >= 12) return 'high';
  if (level >= 7) return 'medium';
  if (level >= 4) return 'low';
  return 'info';
}

function wazuhAlert(document: JsonObject, raw: string): EventResult {
  // The indexer wraps the alert as it was written in a search hit.
  const alert = objectField(document, '_source') ?? document;
  const rule = objectField(alert, 'rule');
  if (!rule) return { reason: 'Wazuh alert has no rule' };
  const level = numberField(rule, 'level');
  if (level === undefined || !Number.isInteger(level) || level < 0 || level > 15) {
    return {
      reason: `Wazuh alert has an invalid rule.level ${JSON.stringify(field(rule, 'level') ?? null)}`,
    };
  }
  const description = stringField(rule, 'description')?.trim();
  if (!description) return { reason: 'Wazuh alert has no rule.description' };
  const observedAt = parseTimestamp(field(alert, 'timestamp'));
  if (observedAt === undefined) {
    return {
      reason: `Wazuh alert has an invalid timestamp ${JSON.stringify(field(alert, 'timestamp') ?? null).slice(0, 60)}`,
    };
  }
  const data = objectField(alert, 'data') ?? {};
  const agent = objectField(alert, 'agent') ?? {};
  const source = sourceOf(alert, data);
  const destination = endpointOfValues(
    {
      ip: field(data, 'dstip') ?? field(agent, 'ip'),
      port: portOf(field(data, 'dstport')),
      hostname: field(agent, 'name'),
    },
    'dstip',
  );
  if (!destination.ok) return { reason: `Wazuh alert has an ${destination.reason}` };
  const ruleId = stringField(rule, 'id') ?? String(numberField(rule, 'id') ?? '');
  const groups = stringsField(rule, 'groups');
  const mitre = objectField(rule, 'mitre') ?? {};
  return {
    alert: {
      id: alertId('wazuh', identity(alert, document, ruleId)),
      kind: 'alert',
      observedAt,
      severity: severityOfLevel(level),
      title: truncate(description, 500),
      // Wazuh lists a rule's groups from the general to the specific.
      category: normalizeCategory(groups.at(-1) ?? 'wazuh'),
      source: source.endpoint,
      destination: destination.endpoint,
      sectors: [],
      tags: boundTags(
        [
          ...groups,
          ...stringsField(mitre, 'id').map((id) => `mitre:${id}`),
          ...cves(stringField(rule, 'info')),
          ...source.tags,
          stringField(objectField(alert, 'decoder') ?? {}, 'name'),
        ],
        MAX_TAGS,
      ),
      signature: ruleId ? `wazuh:${ruleId}` : undefined,
      raw,
    },
  };
}

/**
 * The decoded source address. It comes out of a log line, not a packet:
 * one that is not an address (a redacted or mangled one) is kept as a tag
 * and the alert, which is about the rule that fired, is kept too.
 */
function sourceOf(alert: JsonObject, data: JsonObject) {
  const rawIp = stringField(data, 'srcip')?.trim();
  const ip = rawIp === undefined ? undefined : canonicalIp(rawIp);
  const geo = objectField(alert, 'GeoLocation') ?? {};
  const location = objectField(geo, 'location') ?? {};
  const endpoint = endpointOfValues(
    { ip, port: portOf(field(data, 'srcport')), hostname: undefined },
    'srcip',
  );
  const placed = placedByFeed(endpoint.ok ? endpoint.endpoint : undefined, {
    lat: field(location, 'lat'),
    lon: field(location, 'lon'),
  });
  const tags = rawIp !== undefined && ip === undefined ? [`unreadable-srcip:${rawIp}`] : [];
  return { endpoint: placed, tags };
}

/** Wazuh decoders write ports as text. */
function portOf(value: unknown): unknown {
  return typeof value === 'string' && /^\d{1,5}$/.test(value.trim()) ? Number(value) : value;
}

/** The CVE ids a rule's info names. */
function cves(info: string | undefined): string[] {
  return [...new Set(info?.match(/CVE-\d{4}-\d{4,}/g) ?? [])];
}

/** The manager's alert id with the rule that fired; the raw text where there is none. */
function identity(alert: JsonObject, document: JsonObject, ruleId: string): string {
  const id = stringField(alert, 'id') ?? stringField(document, '_id');
  const manager = stringField(objectField(alert, 'manager') ?? {}, 'name') ?? '';
  return id ? JSON.stringify([manager, id, ruleId]) : JSON.stringify(alert);
}
