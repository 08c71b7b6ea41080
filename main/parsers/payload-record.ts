/**
 * One CEF or LEEF record, with or without its syslog header, read by the
 * reader of its payload's kind. Shared by the CEF, LEEF and syslog parsers,
 * so that each tells a record of the other kind, and a reader that throws,
 * in the same words.
 */
import { openEnvelope, type PayloadKind, type SyslogEnvelope } from './syslog-envelope';
import type { ParseResult } from './types';

/** Reads the alert of an opened envelope; `raw` is the whole record. May throw. */
export type PayloadReader = (envelope: SyslogEnvelope, raw: string, now: number) => ParseResult;

/**
 * Parses `record` with the reader of its kind among `readers`; never throws.
 * `now` stands in for the time of a record that carries none and places a
 * BSD header's date.
 */
export function parsePayloadRecord(
  record: string,
  now: number,
  readers: Partial<Record<PayloadKind, PayloadReader>>,
): ParseResult {
  const opened = openEnvelope(record, now);
  if (!opened.ok) return opened;
  const { envelope } = opened;
  const read = readers[envelope.kind];
  if (!read) {
    const wanted = Object.keys(readers).join(' or ');
    return { ok: false, reason: `record is ${envelope.kind}, not ${wanted}` };
  }
  try {
    return read(envelope, record, now);
  } catch (error) {
    return {
      ok: false,
      reason: `${envelope.kind} record could not be read: ${String(error).slice(0, 120)}`,
    };
  }
}
