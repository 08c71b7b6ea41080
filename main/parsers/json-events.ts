/**
 * Records that hold one JSON event per line, or, in a file written for
 * people, one pretty-printed event or an array of them: how each is read
 * and how such a file is framed.
 */
import { isJsonObject, type JsonObject } from './fields';
import { parseJsonRecord } from './json-record';
import { RejectionList } from './rejection-list';
import { truncate } from './text';
import type { Framing, ParseResult, ParsedAlert } from './types';

/** What one event gives: an alert, a type it is counted under, or why it is malformed. */
export type EventResult = { alert: ParsedAlert } | { ignored: string } | { reason: string };

/** Builds the result of one event; `raw` is the event's own text. */
export type EventBuilder = (event: JsonObject, raw: string) => EventResult;

/** Largest document read whole (an export of many events). */
const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/**
 * Parses a record holding one JSON event, or an array of events whose
 * malformed members are rejected one by one; never throws. `label` names
 * the format in reasons.
 */
export function parseJsonEvents(record: string, label: string, build: EventBuilder): ParseResult {
  try {
    return parseEvents(record.trim(), label, build);
  } catch (error) {
    return {
      ok: false,
      reason: `${label} record could not be read: ${String(error).slice(0, 120)}`,
    };
  }
}

function parseEvents(text: string, label: string, build: EventBuilder): ParseResult {
  const json = parseJsonRecord(text, MAX_DOCUMENT_BYTES);
  if (!json.ok) return json;
  if (!Array.isArray(json.value)) {
    if (!isJsonObject(json.value))
      return { ok: false, reason: `${label} record is not a JSON object` };
    return singleResult(build(json.value, text));
  }
  const alerts: ParsedAlert[] = [];
  const ignored = new Map<string, number>();
  // Bounded: an array of millions of bad members must not hold an entry each.
  const rejected = new RejectionList();
  json.value.forEach((member: unknown, index) => {
    const raw = JSON.stringify(member) ?? 'null';
    const position = `element ${index + 1}`;
    if (!isJsonObject(member)) {
      rejected.add(position, `${label} event is not a JSON object`, () => raw);
      return;
    }
    const result = build(member, raw);
    if ('alert' in result) alerts.push(result.alert);
    else if ('ignored' in result) {
      const type = truncate(result.ignored, 64);
      ignored.set(type, (ignored.get(type) ?? 0) + 1);
    } else rejected.add(position, result.reason, () => raw);
  });
  return {
    ok: true,
    alerts,
    ...(ignored.size > 0 ? { ignored: Object.fromEntries(ignored) } : {}),
    ...rejected.fields(),
  };
}

/** The ParseResult of a record that held one event. */
export function singleResult(result: EventResult): ParseResult {
  if ('reason' in result) return { ok: false, reason: result.reason };
  if ('alert' in result) return { ok: true, alerts: [result.alert] };
  // fromEntries makes an own property even of a hostile "__proto__".
  return { ok: true, alerts: [], ignored: Object.fromEntries([[truncate(result.ignored, 64), 1]]) };
}

/**
 * 'document' when a file's first bytes open an array or an object that
 * does not close on its first line (pretty-printed), else 'lines'.
 */
export function jsonFileFraming(head: string): Framing {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('[')) return 'document';
  if (!text.startsWith('{')) return 'lines';
  const newline = text.indexOf('\n');
  // A first line longer than the head says nothing: it is one long event.
  if (newline < 0) return 'lines';
  return parseJsonRecord(text.slice(0, newline)).ok ? 'lines' : 'document';
}

/** A line format's parser whose files may be JSON documents: framed per file by its head. */
export function withJsonFileFraming<P extends { framing: Framing }>(parser: P, head: string): P {
  return { ...parser, framing: jsonFileFraming(head) };
}
