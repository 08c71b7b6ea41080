import { describe, expect, it } from 'vitest';
import {
  MAX_JSON_DEPTH,
  MAX_RECORD_BYTES,
  parseJsonRecord,
} from '../../../main/parsers/json-record';

describe('parseJsonRecord', () => {
  it('parses a record', () => {
    expect(parseJsonRecord('{"a":[1,"x"]}')).toEqual({ ok: true, value: { a: [1, 'x'] } });
  });

  it('strips a UTF-8 byte order mark', () => {
    expect(parseJsonRecord('\uFEFF{}')).toEqual({ ok: true, value: {} });
  });

  it('names the JSON error and its position', () => {
    const result = parseJsonRecord('{"id":0,}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^invalid JSON: .*position 8/);
  });

  it('refuses an empty record', () => {
    expect(parseJsonRecord('  \n')).toEqual({ ok: false, reason: 'empty record' });
  });

  it('refuses a record over 4 MiB, counted in UTF-8 bytes', () => {
    const ascii = `"${'a'.repeat(MAX_RECORD_BYTES)}"`;
    expect(parseJsonRecord(ascii)).toEqual({ ok: false, reason: 'record too large: over 4 MiB' });
    // 1.5 M three-byte characters: few UTF-16 units, but 4.5 MB on the wire.
    const wide = `"${'€'.repeat(1_500_000)}"`;
    expect(parseJsonRecord(wide).ok).toBe(false);
    expect(parseJsonRecord(`"${'€'.repeat(1_000_000)}"`).ok).toBe(true);
  });

  it('takes a larger limit for whole documents', () => {
    const big = `"${'a'.repeat(MAX_RECORD_BYTES)}"`;
    expect(parseJsonRecord(big, 8 * MAX_RECORD_BYTES).ok).toBe(true);
  });

  it('accepts nesting up to the limit and refuses one level more', () => {
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
    expect(parseJsonRecord(nested(MAX_JSON_DEPTH)).ok).toBe(true);
    const result = parseJsonRecord(nested(MAX_JSON_DEPTH + 1));
    expect(result).toEqual({
      ok: false,
      reason: `JSON nested deeper than 256 levels (at position ${MAX_JSON_DEPTH})`,
    });
  });

  it('refuses hostile nesting before JSON.parse sees it', () => {
    const result = parseJsonRecord('{"a":'.repeat(500_000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^JSON nested deeper/);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ s: '[[[{{{\\"'.repeat(200) });
    expect(parseJsonRecord(text).ok).toBe(true);
  });

  it('keeps reasons short for long hostile input', () => {
    const result = parseJsonRecord(`x${'y'.repeat(10_000)}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeLessThanOrEqual(200);
  });
});
