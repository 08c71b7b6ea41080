/**
 * What the property tests share: the real sample records of every format,
 * the parsers a file import and a live feed use, and one check of a
 * record's outcome through the real ingest pipeline (stamping and
 * AlertSchema validation included), with the parse call timed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { Ingestor } from '../../../../main/core/ingest';
import { QuarantineBudget } from '../../../../main/core/quarantine-budget';
import { parserFor } from '../../../../main/parsers/detect';
import type { Format, Framing, ParseResult, Parser } from '../../../../main/parsers/types';
import type { AlertCache } from '../../../../main/store/alert-cache';
import type { CommitBatch } from '../../../../main/store/commit';
import { SAMPLES_DIR, sampleFiles } from '../samples';

/** The most one parse call may take, on a busy machine, for one record. */
export const PARSE_BOUND_MS = 2_000;

/**
 * Where each format's real samples are, below SAMPLES_DIR. The JSON test
 * suite's nasty cases (duplicate keys, huge exponents, a bare BOM) stand
 * in as EVE lines and STIX documents.
 */
const SAMPLE_DIRS: Record<Format, string[]> = {
  eve: ['suricata-eve', 'nasty-json'],
  stix21: ['stix21', 'stix20-mitre', 'nasty-json'],
  cef: ['cef'],
  leef: ['leef'],
  syslog: ['cef', 'leef', 'syslog'],
  zeek: ['zeek'],
  wazuh: ['wazuh'],
  cowrie: ['cowrie'],
  ecs: ['ecs'],
  abusech: ['abusech'],
  'spamhaus-drop': ['other-feeds'],
  kev: ['kev'],
  csaf: ['csaf'],
  misp: ['misp/events'],
};

/** One record of a sample file, and how an import of that file frames it. */
export interface SampleRecord {
  format: Format;
  file: string;
  /** The file's first bytes, which an import opens the parser on. */
  head: string;
  framing: Framing;
  text: string;
}

/**
 * A fresh parser for the record's file, opened on its head: a stream
 * parser keeps header state, which one damaged record must not leak into
 * the next property run.
 */
export function parserOf(record: SampleRecord): Parser {
  return openedParser(record.format, record.head);
}

/** The parser an import opens for a file whose first bytes are `head`. */
export function openedParser(format: Format, head: string): Parser {
  const parser = parserFor(format);
  return parser.openStream?.(head.slice(0, 4096)) ?? parser;
}

/** Every record of every sample of `format`, cut as `lagebild import` cuts the file. */
export function sampleRecords(format: Format): SampleRecord[] {
  return SAMPLE_DIRS[format]
    .flatMap((dir) => sampleFiles(dir))
    .flatMap((file) => {
      const text = readFileSync(join(SAMPLES_DIR, file), 'utf8');
      const head = text.slice(0, 4096);
      const { framing } = openedParser(format, head);
      const records =
        framing === 'document' ? [text] : text.split('\n').filter((line) => line.trim());
      return records.map((record) => ({ format, file, head, framing, text: record }));
    });
}

/**
 * Both parsers of a format for text of unknown origin: as a live feed
 * reads it (no header seen) and as an import opens a file starting with it.
 */
export function parsersFor(format: Format, text: string): Parser[] {
  const bare = parserFor(format);
  return bare.openStream ? [bare, openedParser(format, text)] : [bare];
}

/** What one record became in the pipeline. */
export interface Outcome {
  result: ParseResult;
  alerts: CommitBatch['alerts'];
  quarantine: CommitBatch['quarantine'];
}

/** A cache that only records what the ingest pipeline commits. */
function recordingCache(commits: CommitBatch[]): AlertCache {
  const commit = (batch: CommitBatch) => {
    commits.push(batch);
    return { inserted: batch.alerts.length, duplicates: 0 };
  };
  return { commit } as unknown as AlertCache;
}

const feed = { id: 'property', type: 'file-import', tlp: 'amber' as const };

/**
 * Runs one record through `parser` and the real ingest pipeline, and
 * asserts the outcome is defined: the parser neither throws nor takes
 * longer than PARSE_BOUND_MS, a failure names its reason, and every alert
 * passes AlertSchema after stamping (a parser alert the pipeline rejects
 * as "invalid alert" is a parser bug).
 */
export function expectDefinedOutcome(parser: Parser, text: string, position = 'record 1'): Outcome {
  const commits: CommitBatch[] = [];
  let result: ParseResult | undefined;
  let took = 0;
  const timed: Parser = {
    ...parser,
    parse: (record, where) => {
      const started = performance.now();
      result = parser.parse(record, where);
      took = performance.now() - started;
      return result;
    },
  };
  const ingestor = new Ingestor(
    recordingCache(commits),
    (alert) => alert,
    () => 0,
  );
  const record = { position, raw: Buffer.from(text), text };
  ingestor.ingest(feed, timed, { records: [record] }, new QuarantineBudget());

  expect(took, `${parser.format} took ${Math.round(took)} ms`).toBeLessThan(PARSE_BOUND_MS);
  if (!result) throw new Error(`${parser.format} was never called`);
  // The pipeline prefixes every reason with the format, so check the parser's own.
  const reasons = result.ok ? (result.rejected ?? []).map((part) => part.reason) : [result.reason];
  for (const reason of reasons) {
    expect(typeof reason).toBe('string');
    expect(reason.trim(), `${parser.format}: empty reason`).not.toBe('');
  }
  const alerts = commits.flatMap((commit) => commit.alerts);
  const quarantine = commits.flatMap((commit) => commit.quarantine);
  for (const entry of quarantine) {
    expect(entry.reason, `${parser.format} quarantined without a reason`).toMatch(/\S/);
    expect(entry.reason, `${parser.format} made an alert the schema refuses`).not.toMatch(
      /invalid alert/,
    );
  }
  return { result, alerts, quarantine };
}

/**
 * Asserts the record left a trace: alerts, a count of what it held that
 * makes none, or quarantine. Only an empty JSON array holds nothing at all.
 */
export function expectTrace({ result, alerts, quarantine }: Outcome, text: string): void {
  if (text.trim() === '[]') return;
  const counted = result.ok && Object.keys(result.ignored ?? {}).length > 0;
  expect(
    alerts.length > 0 || counted || quarantine.length > 0,
    `no trace of ${text.slice(0, 80)}`,
  ).toBe(true);
}
