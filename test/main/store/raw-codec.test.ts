import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packBlock, readRecord } from '../../../main/store/raw-codec';
import { PRESET_DICTIONARY } from '../../../main/store/raw-preset';

const RECORDS = [
  '{"event_type":"alert","src_ip":"10.0.0.1"}',
  '',
  'Größe überschritten: 日本語 🚨 and a lone \\ud800 escape',
  'line one\nline two\r\n\ttabbed\u0000nul',
  'x'.repeat(200), // a length that needs two varint bytes
  '€'.repeat(50_000), // 150,000 bytes: a three-byte varint
];

describe('raw block codec', () => {
  it('returns each record of a block byte for byte', () => {
    const blob = packBlock(RECORDS, PRESET_DICTIONARY);
    RECORDS.forEach((record, index) => {
      expect(readRecord(blob, PRESET_DICTIONARY, index)).toBe(record);
    });
    expect(readRecord(blob, PRESET_DICTIONARY, RECORDS.length)).toBeUndefined();
  });

  it('deflates neighbours that share their text to far less than one record each', () => {
    const records = Array.from(
      { length: 200 },
      (_, i) =>
        `{"timestamp":"2025-06-01T00:00:${String(i % 60).padStart(2, '0')}",` +
        `"event_type":"alert","src_ip":"203.0.113.${i}","alert":{"signature":"ET SCAN"}}`,
    );
    const plainBytes = Buffer.byteLength(records.join(''));
    expect(packBlock(records, PRESET_DICTIONARY).length).toBeLessThan(plainBytes / 5);
  });

  it('needs the dictionary it was deflated with', () => {
    const blob = packBlock(RECORDS, PRESET_DICTIONARY);
    expect(() => readRecord(blob, Buffer.from('another dictionary'), 0)).toThrow();
  });

  it('says a damaged block is damaged, with the code of a zlib data error', () => {
    const damaged = expect.objectContaining({ code: 'Z_DATA_ERROR' });
    expect(() => readRecord(Buffer.from('not deflate'), PRESET_DICTIONARY, 0)).toThrow(damaged);
    // Well deflated, but what it holds is no block: a header cut short, records cut short.
    const deflated = (bytes: number[]) =>
      deflateRawSync(Buffer.from(bytes), { dictionary: PRESET_DICTIONARY });
    expect(() => readRecord(deflated([3, 10]), PRESET_DICTIONARY, 0)).toThrow(damaged);
    expect(() => readRecord(deflated([1, 10, 0x41]), PRESET_DICTIONARY, 0)).toThrow(damaged);
  });
});
