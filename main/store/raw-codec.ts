/**
 * Deflates raw records with a dictionary so that a record of a few hundred
 * bytes, which shares most of its text with its neighbours, stores small.
 */
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/** Deflate reads at most this much of a dictionary (its window size). */
export const MAX_DICTIONARY_BYTES = 32 * 1024;

/** Deflates the UTF-8 bytes of `raw` against `dictionary`. */
export function compressRaw(raw: string, dictionary: Buffer): Buffer {
  return deflateRawSync(Buffer.from(raw, 'utf8'), { level: 9, dictionary });
}

/** Restores a record deflated by compressRaw with the same dictionary. */
export function decompressRaw(blob: Uint8Array, dictionary: Buffer): string {
  return inflateRawSync(blob, { dictionary }).toString('utf8');
}

/** Deflates a dictionary for storage (dictionaries themselves compress well). */
export function packDictionary(dictionary: Buffer): Buffer {
  return deflateRawSync(dictionary, { level: 9 });
}

/** Restores a dictionary stored by packDictionary. */
export function unpackDictionary(blob: Uint8Array): Buffer {
  return inflateRawSync(blob);
}

/** The hex SHA-256 that identifies a dictionary. */
export function dictionaryDigest(dictionary: Buffer): string {
  return createHash('sha256').update(dictionary).digest('hex');
}
