/**
 * Elastic Common Schema documents, one per line (NDJSON), as an array, or
 * one pretty-printed document; nested or flattened field names. Documents
 * of kind alert or signal become alerts, threat-intel enrichments
 * indicators; every other kind is counted (ECS reads no kind as "event").
 */
import { alertId } from './alert-id';
import { objectField, stringField, type JsonObject } from './fields';
import { parseJsonEvents, withJsonFileFraming, type EventResult } from './json-events';
import { ecsAlert } from './ecs/alert';
import { ecsIndicator, isEcsIndicator } from './ecs/indicator';
import { ecsString } from './ecs/path';
import type { ParseResult, Parser } from './types';

/** The ECS parser: framing 'lines'; a file that is one JSON document is read whole. */
export const ecsParser: Parser = {
  format: 'ecs',
  framing: 'lines',
  parse: parseEcsRecord,
  openStream: (head) => withJsonFileFraming(ecsParser, head),
};

/** Parses one ECS document (or an array of them); never throws. */
export function parseEcsRecord(record: string): ParseResult {
  return parseJsonEvents(record, 'ECS', ecsEvent);
}

function ecsEvent(hit: JsonObject, raw: string): EventResult {
  // Elasticsearch returns a document inside a search hit.
  const document = objectField(hit, '_source') ?? hit;
  const kind = ecsString(document, 'event.kind')?.trim().toLowerCase() || 'event';
  // The identity may hash the whole raw text: only what becomes an alert needs one.
  if (kind === 'alert' || kind === 'signal') {
    return ecsAlert(document, raw, identityOf(document, hit, raw));
  }
  if (kind === 'enrichment' && isEcsIndicator(document)) {
    return ecsIndicator(document, raw, identityOf(document, hit, raw));
  }
  return { ignored: kind };
}

/**
 * The id the producer gave (the alert's uuid, the event id within its
 * dataset, the document id); the raw text when there is none.
 */
function identityOf(document: JsonObject, hit: JsonObject, raw: string): string {
  const uuid = ecsString(document, 'kibana.alert.uuid');
  if (uuid) return `kibana:${uuid}`;
  const eventId = ecsString(document, 'event.id');
  if (eventId) return `${ecsString(document, 'event.dataset') ?? ''}:${eventId}`;
  const documentId = stringField(hit, '_id');
  return documentId ? `_id:${documentId}` : alertId('raw', raw);
}
