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
import { RejectionList } from './rejection-list';
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
  try {
    return parseDocument(record, position);
  } catch (error) {
    return { ok: false, reason: `MISP document could not be read: ${String(error).slice(0, 120)}` };
  }
}

function parseDocument(record: string, position: string): ParseResult {
  const json = parseJsonRecord(record, MAX_MISP_DOCUMENT_BYTES);
  if (!json.ok) return json;
  const found = documentEvents(json.value);
  if (!found.ok) return found;
  const single = found.events.length === 1;
  const alerts: ParsedAlert[] = [];
  const ignored: Record<string, number> = {};
  const rejected = new RejectionList();
  for (const [index, event] of found.events.entries()) {
    const where = single ? position : `${position} event ${index + 1}`;
    const result = eventAlerts(event, where);
    if (!result.ok) {
      if (single) return result;
      rejected.add(where, result.reason, () => JSON.stringify(event));
      continue;
    }
    // A loop, not push(...alerts): an event of 150,000 attributes overflowed the stack.
    for (const alert of result.alerts) alerts.push(alert);
    addCounts(ignored, result.ignored ?? {});
    rejected.addResult(result);
  }
  return {
    ok: true,
    alerts,
    ...(Object.keys(ignored).length > 0 ? { ignored } : {}),
    ...rejected.fields(),
  };
}
