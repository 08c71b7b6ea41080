/**
 * Real sample records, damaged: every record of every format, with bytes
 * flipped, text inserted or deleted, JSON values swapped for random JSON
 * or removed, still ends as alerts that pass the schema or as quarantine
 * with a reason, in bounded time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../../../main/parsers/types';
import {
  expectDefinedOutcome,
  expectTrace,
  parserOf,
  sampleRecords,
  type SampleRecord,
} from './harness';
import { deletedStretch, flippedByte, insertedText, jsonEdit, type Damaged } from './mutations';

// Documents are parsed whole and are large: fewer runs keep the suite near its time budget.
const runsFor = (records: SampleRecord[]) =>
  records.some((record) => record.framing === 'document') ? 40 : 150;

/** A damaged copy of one of the records. */
function damaged(records: SampleRecord[]): fc.Arbitrary<[SampleRecord, Damaged]> {
  return fc.constantFrom(...records).chain((record) => {
    const edits = [flippedByte, insertedText, deletedStretch].map((edit) => edit(record.text));
    const json = jsonEdit(record.text);
    return fc.tuple(fc.constant(record), fc.oneof(...edits, ...(json ? [json, json] : [])));
  });
}

describe.each(FORMATS)('%s samples', (format) => {
  const records = sampleRecords(format);

  it('has real samples to damage', () => {
    expect(records.length).toBeGreaterThan(0);
  });

  it('damaged records end defined', () => {
    fc.assert(
      fc.property(damaged(records), ([record, damage]) => {
        // Bytes that are not UTF-8 are quarantined by the connector before any parser.
        if ('error' in damage) expect(damage.error).toBe('invalid UTF-8');
        else expectTrace(expectDefinedOutcome(parserOf(record), damage.text), damage.text);
      }),
      { numRuns: runsFor(records) },
    );
  });

  it('a record cut short anywhere ends defined', () => {
    const cut = fc
      .constantFrom(...records)
      .chain((record) => fc.tuple(fc.constant(record), fc.nat({ max: record.text.length })));
    fc.assert(
      fc.property(cut, ([record, at]) => {
        const text = record.text.slice(0, at);
        expectTrace(expectDefinedOutcome(parserOf(record), text), text);
      }),
      { numRuns: runsFor(records) },
    );
  });
});

describe('every prefix of every line record', () => {
  // Lines are short, so every cut is cheap; documents get the random cuts above.
  const lines = FORMATS.flatMap((format) =>
    sampleRecords(format).filter((record) => record.framing === 'lines'),
  );

  it('ends defined', () => {
    for (const record of lines) {
      for (let at = 0; at < record.text.length; at += 1) {
        const text = record.text.slice(0, at);
        expectTrace(expectDefinedOutcome(parserOf(record), text), text);
      }
    }
  });
});

describe('a damaged line costs no other line', () => {
  // Per file of a line format: the alerts each line gives, parsed in order by one stream parser.
  const files = FORMATS.flatMap((format) => {
    const byFile = new Map<string, SampleRecord[]>();
    for (const record of sampleRecords(format)) {
      if (record.framing === 'lines')
        byFile.set(record.file, [...(byFile.get(record.file) ?? []), record]);
    }
    return [...byFile.values()];
  });
  const alertIdsPerLine = (records: SampleRecord[], texts: string[]) => {
    const parser = parserOf(records[0]!);
    return texts.map((text, index) => {
      const result = parser.parse(text, `line ${index + 1}`);
      return result.ok ? result.alerts.map((alert) => alert.id) : [];
    });
  };
  // A line that gives an alert, damaged; headers and comments rightly steer the lines after them.
  const damagedLine = fc.constantFrom(...files).chain((records) => {
    const clean = alertIdsPerLine(
      records,
      records.map((record) => record.text),
    );
    const alerting = clean.flatMap((ids, index) => (ids.length > 0 ? [index] : []));
    if (alerting.length === 0) return fc.constant(undefined);
    return fc
      .constantFrom(...alerting)
      .chain((index) =>
        fc
          .oneof(insertedText(records[index]!.text), deletedStretch(records[index]!.text))
          .map((damage) => ({ records, clean, index, damage })),
      );
  });

  it('every other line gives the alerts it gave before', () => {
    fc.assert(
      fc.property(damagedLine, (run) => {
        if (!run || 'error' in run.damage) return;
        const texts = run.records.map((record) => record.text);
        texts[run.index] = run.damage.text;
        const after = alertIdsPerLine(run.records, texts);
        after[run.index] = run.clean[run.index]!;
        expect(after).toEqual(run.clean);
      }),
      { numRuns: 100 },
    );
  });
});
