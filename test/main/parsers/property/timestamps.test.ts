/**
 * Timestamps written without a time zone. The rule (main/parsers/time.ts,
 * month-name-time.ts): a zoneless time is UTC, in every format and
 * whatever zone the host runs in, because the sensor's zone is unknown and
 * the host's says nothing about it. A BSD syslog date without a year is
 * the year that puts it nearest before now.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { ParseResult } from '../../../../main/parsers/types';
import { expectDefinedOutcome, openedParser, sampleRecords } from './harness';

// Host zones far from UTC on either side, one with a 45-minute offset.
const HOST_ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Chatham'];
const originalZone = process.env.TZ;

afterEach(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A whole-second time between 1971 and 2099, and the zone the host runs in. */
const timeAndZone = fc.tuple(
  fc
    .integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 11, 31) })
    .map((ms) => ms - (ms % 1000)),
  fc.constantFrom(...HOST_ZONES),
);

/** "2020-01-02T03:04:05" (or with a space) in UTC, without a zone. */
function isoWithoutZone(ms: number, separator = 'T'): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', separator);
}

/** "Jan 02 2020 03:04:05" in UTC, without a zone. */
function monthNameWithoutZone(ms: number): string {
  const d = new Date(ms);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${d.getUTCFullYear()} ${time}`;
}

/** The observedAt of the only alert of a result. */
function observedAt(result: ParseResult): number | undefined {
  if (!result.ok || result.alerts.length !== 1) return undefined;
  return result.alerts[0]?.observedAt;
}

/** A JSON sample of `format` that makes an alert, with `key` (a dotted path) set to `value`. */
function jsonSampleWith(format: 'eve' | 'wazuh' | 'zeek', key: string, value: unknown): string {
  const sample = sampleRecords(format).find((record) => {
    const parsed = openedParser(format, record.head).parse(record.text, 'sample');
    return parsed.ok && parsed.alerts.length === 1;
  });
  if (!sample) throw new Error(`no ${format} sample that makes one alert`);
  const tree = JSON.parse(sample.text) as Record<string, unknown>;
  const path = key.split('.');
  let node = tree;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string, unknown>;
  node[path.at(-1) as string] = value;
  return JSON.stringify(tree);
}

/** Asserts the record read under each host zone gives the UTC reading of `ms`. */
function expectUtc(format: Parameters<typeof openedParser>[0], record: string, ms: number) {
  const { result } = expectDefinedOutcome(openedParser(format, record), record);
  expect(observedAt(result), record.slice(0, 200)).toBe(ms);
}

describe('a time without a zone is UTC, whatever zone the host runs in', () => {
  it.each([
    ['eve', 'timestamp'],
    ['wazuh', '_source.timestamp'],
    ['zeek', 'ts'],
  ] as const)('%s %s', (format, key) => {
    fc.assert(
      fc.property(timeAndZone, ([ms, zone]) => {
        process.env.TZ = zone;
        expectUtc(format, jsonSampleWith(format, key, isoWithoutZone(ms)), ms);
      }),
      { numRuns: 40 },
    );
  });

  it.each([
    ['ISO', (ms: number) => isoWithoutZone(ms)],
    ['month name', monthNameWithoutZone],
  ])('CEF rt, %s', (_, write) => {
    fc.assert(
      fc.property(timeAndZone, ([ms, zone]) => {
        process.env.TZ = zone;
        expectUtc('cef', `CEF:0|V|P|1|100|Name|5|src=198.51.100.1 rt=${write(ms)}`, ms);
      }),
      { numRuns: 40 },
    );
  });

  it('LEEF devTime, as the LEEF sample writes it ("2019-11-21 13:44:35")', () => {
    fc.assert(
      fc.property(timeAndZone, ([ms, zone]) => {
        process.env.TZ = zone;
        expectUtc(
          'leef',
          `LEEF:2.0|V|P|1|4|src=198.51.100.1\tdevTime=${isoWithoutZone(ms, ' ')}`,
          ms,
        );
      }),
      { numRuns: 40 },
    );
  });

  it('STIX indicator valid_from', () => {
    fc.assert(
      fc.property(timeAndZone, ([ms, zone]) => {
        process.env.TZ = zone;
        const indicator = {
          type: 'indicator',
          spec_version: '2.1',
          id: 'indicator--5a3c3045-ab0c-4d38-8efe-459002de0b81',
          created: isoWithoutZone(ms),
          modified: isoWithoutZone(ms),
          valid_from: isoWithoutZone(ms),
          pattern_type: 'stix',
          pattern: "[ipv4-addr:value = '198.51.100.1']",
        };
        expectUtc('stix21', JSON.stringify(indicator), ms);
      }),
      { numRuns: 40 },
    );
  });

  it('an RFC 5424 header timestamp without a zone dates a CEF record that has no rt', () => {
    fc.assert(
      fc.property(timeAndZone, ([ms, zone]) => {
        process.env.TZ = zone;
        const record = `<34>1 ${isoWithoutZone(ms)} host app - - - CEF:0|V|P|1|100|Name|5|src=198.51.100.1`;
        expectUtc('syslog', record, ms);
      }),
      { numRuns: 40 },
    );
  });
});

describe('a BSD syslog date without a year or zone', () => {
  it('is UTC in the year that puts it nearest before now (within a day of skew)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 360 * 24 * 3600 }),
        fc.constantFrom(...HOST_ZONES),
        (secondsAgo, zone) => {
          process.env.TZ = zone;
          const ms = Date.now() - secondsAgo * 1000;
          const at = ms - (ms % 1000);
          const d = new Date(at);
          const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
          const day = String(d.getUTCDate()).padStart(2, ' ');
          const record = `<13>${MONTHS[d.getUTCMonth()]} ${day} ${time} host tag: CEF:0|V|P|1|1|N|5|src=198.51.100.1`;
          expectUtc('syslog', record, at);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('samples that carry a zone keep it', () => {
  it('the EVE sample "2018-07-05T15:07:20.910626-0400" is 19:07:20.910 UTC', () => {
    const record = jsonSampleWith('eve', 'timestamp', '2018-07-05T15:07:20.910626-0400');
    expectUtc('eve', record, Date.UTC(2018, 6, 5, 19, 7, 20, 910));
  });
});
