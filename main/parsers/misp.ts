/**
 * MISP event JSON (an event file of a MISP feed, an event export, or a
 * restSearch answer): the network attributes, objects and sightings of
 * each event become alerts that share the event's signature, so that one
 * event is one incident. Malformed events are rejected one by one.
 */
import { addCounts } from '../../shared/counts';
import { parseJsonRecord } from './json-record';
import { documentEvents } from './misp/documents';
import { eventAlerts } from './misp/event';
import type { ParseResult, ParsedAlert, Parser } from './types';

/** Largest MISP document accepted: a restSearch page or a big feed event. */
const MAX_MISP_DOCUMENT_BYTES = 64 * 1024 * 1024;

/** The MISP parser: framing 'document', the whole file is one record. */
export const mispParser: Parser = {
  format: 'misp',
  framing: 'document',
  parse: parseMispDocument,
};

/** Parses one MISP document; never throws for bad input. */
export function parseMispDocument(record: string, position = 'document'): ParseResult {
  const json = parseJsonRecord(record, MAX_MISP_DOCUMENT_BYTES);
  if (!json.ok) return json;
  const found = documentEvents(json.value);
  if (!found.ok) return found;
  const single = found.events.length === 1;
  const alerts: ParsedAlert[] = [];
  const ignored: Record<string, number> = {};
  const rejected: { position: string; reason: string; raw: string }[] = [];
  for (const [index, event] of found.events.entries()) {
    const where = single ? position : `${position} event ${index + 1}`;
    const result = eventAlerts(event, where);
    if (!result.ok) {
      if (single) return result;
      rejected.push({ position: where, reason: result.reason, raw: JSON.stringify(event) });
      continue;
    }
    alerts.push(...result.alerts);
    addCounts(ignored, result.ignored ?? {});
    rejected.push(...(result.rejected ?? []));
  }
  return {
    ok: true,
    alerts,
    ...(Object.keys(ignored).length > 0 ? { ignored } : {}),
    ...(rejected.length > 0 ? { rejected } : {}),
  };
}
