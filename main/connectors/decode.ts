/**
 * Turns raw bytes into a record: UTF-8 text when the bytes are valid, or a
 * record that carries the reason it cannot be parsed, so the pipeline can
 * quarantine it with the bytes it came from.
 */
import type { RawRecord } from './types';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes one record's bytes; `oversized` marks a cut, over-long record. */
export function decodeRecord(bytes: Buffer, position: string, oversized = false): RawRecord {
  if (oversized) return { position, raw: bytes, error: 'record too long: cut at the line limit' };
  try {
    return { position, raw: bytes, text: utf8.decode(bytes) };
  } catch {
    return { position, raw: bytes, error: 'invalid UTF-8' };
  }
}
