/**
 * A Zeek Intelligence Framework hit (intel.log) as a sighting: an
 * indicator from the loaded intel was seen in traffic. The side that
 * matched the indicator is the source, the other side the one it reached.
 */
import type { Endpoint } from '../../../shared/model';
import { alertId } from '../alert-id';
import { endpointOfValues } from '../endpoint-values';
import { field, stringField, stringsField, type JsonObject } from '../fields';
import type { EventResult } from '../json-events';
import { canonicalIp } from '../network';
import { boundTags, truncate } from '../text';
import { parseTimestamp } from '../time';

const MAX_TAGS = 20;

/** The sighting of one intel record (flat, dotted keys as Zeek writes them). */
export function intelSighting(record: JsonObject, raw: string): EventResult {
  const indicator = stringField(record, 'seen.indicator')?.trim();
  if (!indicator) return { reason: 'Zeek intel record has no seen.indicator' };
  const observedAt = parseTimestamp(field(record, 'ts'));
  if (observedAt === undefined) {
    return {
      reason: `Zeek intel record has an invalid ts ${JSON.stringify(field(record, 'ts') ?? null)}`,
    };
  }
  const originator = endpointOfValues(
    { ip: field(record, 'id.orig_h'), port: field(record, 'id.orig_p') },
    'id.orig_h',
  );
  if (!originator.ok) return { reason: `Zeek intel record has an ${originator.reason}` };
  const responder = endpointOfValues(
    { ip: field(record, 'id.resp_h'), port: field(record, 'id.resp_p') },
    'id.resp_h',
  );
  if (!responder.ok) return { reason: `Zeek intel record has an ${responder.reason}` };
  const sides = orient(indicator, originator.endpoint, responder.endpoint);
  const indicatorType = stringField(record, 'seen.indicator_type');
  const sources = stringsField(record, 'sources');
  return {
    alert: {
      id: alertId('zeek-intel', identity(record)),
      kind: 'sighting',
      observedAt,
      severity: 'medium',
      title: truncate(`Intel match: ${indicator}`, 500),
      category: 'intel match',
      source: sides.source,
      destination: sides.destination,
      sectors: [],
      tags: boundTags(
        [
          indicatorType,
          stringField(record, 'seen.where'),
          ...stringsField(record, 'matched'),
          ...sources.map((source) => `source:${source}`),
        ],
        MAX_TAGS,
      ),
      // All sightings of one indicator share it, so they make one incident.
      signature: truncate(`zeek-intel:${indicator}`, 300),
      raw,
    },
  };
}

/**
 * The matching side is the source. A hit with no connection (a file or a
 * log entry) still places an address indicator as the source.
 */
function orient(
  indicator: string,
  originator: Endpoint | undefined,
  responder: Endpoint | undefined,
): { source?: Endpoint; destination?: Endpoint } {
  const address = canonicalIp(indicator);
  if (address !== undefined && responder?.ip === address) {
    return { source: responder, destination: originator };
  }
  if (!originator && !responder && address !== undefined) return { source: { ip: address } };
  return { source: originator, destination: responder };
}

/** An intel hit has no id of its own; its time, indicator, connection and place name it. */
function identity(record: JsonObject): string {
  const keys = ['ts', 'uid', 'fuid', 'seen.indicator', 'seen.indicator_type', 'seen.where'];
  return JSON.stringify(keys.map((key) => field(record, key) ?? null));
}
