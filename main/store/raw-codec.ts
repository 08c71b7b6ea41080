/**
 * The stored form of a block of raw records: a header of varint byte
 * lengths (the count first), then the records' UTF-8 bytes back to back,
 * deflated once as a whole against a dictionary. One deflate per block
 * instead of one per record is what keeps ingest cheap; neighbouring records
 * share most of their text, which is what keeps the block small.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

// Level 6 (zlib's default) stores an EVE alert 10-20 bytes smaller than level 1
// for about 2 µs more per record; level 9 saves 3-4 bytes more for twice that.
const LEVEL = 6;

/** Deflates `records` into one block; `dictionary` must be given again to read it. */
export function packBlock(records: readonly string[], dictionary: Buffer): Buffer {
  const lengths = records.map((record) => Buffer.byteLength(record, 'utf8'));
  const header = varints([records.length, ...lengths]);
  const plain = Buffer.allocUnsafe(header.length + lengths.reduce((sum, n) => sum + n, 0));
  let at = header.copy(plain, 0);
  for (const record of records) at += plain.write(record, at, 'utf8');
  return deflateRawSync(plain, { level: LEVEL, dictionary });
}

/** Record number `index` of a block made by packBlock, or undefined when it has none. */
export function readRecord(
  blob: Uint8Array,
  dictionary: Buffer,
  index: number,
): string | undefined {
  const plain = inflateRawSync(blob, { dictionary });
  const reader = { at: 0 };
  const count = readVarint(plain, reader);
  if (index >= count) return undefined;
  let start = 0;
  let length = 0;
  for (let i = 0; i <= index; i += 1) {
    start += length;
    length = readVarint(plain, reader);
  }
  for (let i = index + 1; i < count; i += 1) readVarint(plain, reader);
  const from = reader.at + start;
  if (from + length > plain.length) throw blockError('its records run past its end');
  return plain.toString('utf8', from, from + length);
}

/** LEB128: seven bits a byte, low bits first, the high bit set on all but the last. */
function varints(values: readonly number[]): Buffer {
  const bytes: number[] = [];
  for (let value of values) {
    while (value >= 0x80) {
      bytes.push((value % 0x80) + 0x80);
      value = Math.floor(value / 0x80);
    }
    bytes.push(value);
  }
  return Buffer.from(bytes);
}

function readVarint(plain: Buffer, reader: { at: number }): number {
  let value = 0;
  for (let scale = 1; reader.at < plain.length; scale *= 0x80) {
    const byte = plain[reader.at++] as number;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
  }
  throw blockError('its header is cut short');
}

// Z_DATA_ERROR is how cache-error.ts tells a damaged record from other failures.
function blockError(problem: string): Error {
  return Object.assign(new Error(`raw block is damaged: ${problem}`), { code: 'Z_DATA_ERROR' });
}
