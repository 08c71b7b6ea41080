import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../../main/parsers/time';

const at = (iso: string) => Date.parse(iso);

describe('parseTimestamp', () => {
  it('reads ISO 8601 in UTC with Z or a zero offset in any spelling', () => {
    const expected = at('2016-07-13T22:42:07.573Z');
    expect(parseTimestamp('2016-07-13T22:42:07.573Z')).toBe(expected);
    expect(parseTimestamp('2016-07-13T22:42:07.573+00:00')).toBe(expected);
    expect(parseTimestamp('2016-07-13T22:42:07.573103+0000')).toBe(expected);
    expect(parseTimestamp('2016-07-13T22:42:07.573-00')).toBe(expected);
  });

  it("converts Suricata's -0400 and other offsets", () => {
    expect(parseTimestamp('2018-07-05T15:07:20.910626-0400')).toBe(at('2018-07-05T19:07:20.910Z'));
    expect(parseTimestamp('2018-07-05T15:07:20+05:30')).toBe(at('2018-07-05T09:37:20Z'));
    expect(parseTimestamp('2020-01-01T00:30:00+0100')).toBe(at('2019-12-31T23:30:00Z'));
  });

  it('takes 1 to 9 fractional digits, cut to milliseconds', () => {
    expect(parseTimestamp('2017-04-14T13:07:49.8Z')).toBe(at('2017-04-14T13:07:49.800Z'));
    expect(parseTimestamp('2017-04-14T13:07:49.812Z')).toBe(at('2017-04-14T13:07:49.812Z'));
    expect(parseTimestamp('2015-05-15T09:12:16.432678Z')).toBe(at('2015-05-15T09:12:16.432Z'));
    expect(parseTimestamp('2015-05-15T09:12:16.999999999Z')).toBe(at('2015-05-15T09:12:16.999Z'));
    expect(parseTimestamp('2015-05-15T09:12:16.9999999999Z')).toBeUndefined();
  });

  it('reads a timestamp without a zone as UTC', () => {
    expect(parseTimestamp('2018-07-05T15:07:20')).toBe(at('2018-07-05T15:07:20Z'));
    expect(parseTimestamp('2018-07-05 15:07')).toBe(at('2018-07-05T15:07:00Z'));
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(parseTimestamp(1468449727)).toBe(1468449727000);
    expect(parseTimestamp(1468449727.5734)).toBe(1468449727573);
    expect(parseTimestamp(1468449727573)).toBe(1468449727573);
    expect(parseTimestamp(0)).toBe(0);
  });

  it('refuses impossible dates and times', () => {
    for (const text of [
      '2021-02-29T00:00:00Z',
      '2021-04-31T00:00:00Z',
      '2021-13-01T00:00:00Z',
      '2021-00-10T00:00:00Z',
      '2021-01-01T24:00:00Z',
      '2021-01-01T23:60:00Z',
      '2021-01-01T23:59:61Z',
      '2021-01-01T00:00:00+2400',
      '2021-01-01T00:00:00+0060',
    ]) {
      expect(parseTimestamp(text), text).toBeUndefined();
    }
    expect(parseTimestamp('2024-02-29T00:00:00Z')).toBe(at('2024-02-29T00:00:00Z'));
  });

  it('carries a leap second into the next minute', () => {
    expect(parseTimestamp('2016-12-31T23:59:60Z')).toBe(at('2017-01-01T00:00:00Z'));
  });

  it('does not read two-digit years as the 1900s', () => {
    expect(new Date(parseTimestamp('0050-01-01T00:00:00Z') ?? 0).getUTCFullYear()).toBe(50);
  });

  it('refuses everything else', () => {
    for (const value of [
      '',
      'yesterday',
      '2021-01-01',
      '2021-01-01T00:00:00ZZ',
      '2016-07-13 22:42:07 UTC',
      `2021-01-01T00:00:00.${'1'.repeat(1000)}Z`,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      1e20,
      null,
      undefined,
      {},
      ['2021-01-01T00:00:00Z'],
      true,
    ]) {
      expect(parseTimestamp(value), String(value)).toBeUndefined();
    }
  });
});
