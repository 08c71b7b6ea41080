/**
 * The events of a MISP JSON document, however MISP wrote it: one event
 * wrapped as `{"Event": {...}}` (feed files, event exports), a bare event
 * (older API answers), restSearch's `{"response": [...]}`, or an array.
 */
import { field, isJsonObject, type JsonObject } from '../fields';

/** The event objects of a document (unchecked), or why it holds none. */
export function documentEvents(
  value: unknown,
): { ok: true; events: unknown[] } | { ok: false; reason: string } {
  const items = Array.isArray(value) ? value : listedIn(value);
  if (items) {
    return items.length > 0
      ? { ok: true, events: items.map(unwrapEvent) }
      : { ok: false, reason: 'MISP document lists no events' };
  }
  if (isJsonObject(value) && (isJsonObject(field(value, 'Event')) || looksLikeEvent(value))) {
    return { ok: true, events: [unwrapEvent(value)] };
  }
  return { ok: false, reason: 'JSON is not a MISP event (no "Event", "uuid" or "Attribute")' };
}

/** The events of restSearch's `{"response": [...]}`. */
function listedIn(value: unknown): unknown[] | undefined {
  if (!isJsonObject(value)) return undefined;
  const response = field(value, 'response');
  return Array.isArray(response) ? response : undefined;
}

function unwrapEvent(item: unknown): unknown {
  if (!isJsonObject(item)) return item;
  const event = field(item, 'Event');
  return isJsonObject(event) ? event : item;
}

/** A bare event: a uuid with an info line or attributes. */
function looksLikeEvent(value: JsonObject): boolean {
  return (
    field(value, 'uuid') !== undefined &&
    (field(value, 'info') !== undefined || Array.isArray(field(value, 'Attribute')))
  );
}
