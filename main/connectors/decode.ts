/**
 * Turns raw bytes into a record: UTF-8 text when the bytes are valid, or a
 * record that carries the reason it cannot be parsed, so the pipeline can
 * quarantine it with the bytes it came from. Bytes that open with a UTF-16
 * byte order mark (a whole document saved as UTF-16) are read as UTF-16.
 */
import type { RawRecord } from './types';

/** The UTF-16 encodings a byte order mark tells apart. */
export type Utf16Encoding = 'utf-16le' | 'utf-16be';

// ignoreBOM keeps a UTF-8 byte order mark in the text: parsers strip it.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The UTF-16 encoding whose byte order mark `bytes` open with, if any. */
export function utf16EncodingOf(bytes: Buffer): Utf16Encoding | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Decodes one record's bytes; `oversized` marks a cut, over-long record. */
export function decodeRecord(bytes: Buffer, position: string, oversized = false): RawRecord {
  if (oversized) return { position, raw: bytes, error: 'record too long: cut at the line limit' };
  const utf16 = utf16EncodingOf(bytes);
  // These bytes are never valid UTF-8; an unpaired surrogate becomes U+FFFD.
  if (utf16) return { position, raw: bytes, text: new TextDecoder(utf16).decode(bytes) };
  try {
    return { position, raw: bytes, text: utf8.decode(bytes) };
  } catch {
    return { position, raw: bytes, error: 'invalid UTF-8' };
  }
}

/**
 * The first bytes of a file as text, for format detection: UTF-16 by its
 * byte order mark, else UTF-8 with invalid bytes replaced (the head may
 * end inside a character).
 */
export function decodeHead(bytes: Buffer): string {
  const utf16 = utf16EncodingOf(bytes);
  return utf16 ? new TextDecoder(utf16).decode(bytes) : bytes.toString('utf8');
}
