/**
 * Imports files and directories through the pipeline: the format is forced
 * or detected per file, and a file of no known format is quarantined with
 * its first bytes rather than silently skipped.
 */
import { readHead, listFiles, readFileBatches } from '../connectors/file-import';
import { detectFormat, parserFor } from '../parsers/detect';
import { stix21TrustedParser } from '../parsers/stix21';
import type { Format, Parser } from '../parsers/types';
import {
  addSummary,
  emptySummary,
  type FeedContext,
  type IngestSummary,
  type Ingestor,
} from './ingest';
import { QuarantineBudget } from './quarantine-budget';

/** What importing one file did. */
export interface FileReport {
  path: string;
  format?: Format;
  summary: IngestSummary;
}

/** What a whole import did, per file and in total. */
export interface ImportReport {
  files: FileReport[];
  total: IngestSummary;
}

/** Options of one import run. */
export interface ImportOptions {
  feed: FeedContext;
  ingestor: Ingestor;
  format?: Format;
  /**
   * The operator trusts these files' source: the alert ids a Lagebild STIX
   * export names are kept. Off, such a bundle could claim another
   * source's alert id and so suppress that alert.
   */
  trustLagebildIds?: boolean;
  /** Called after each batch, e.g. to publish a live delta. */
  onBatch?: (summary: IngestSummary) => void;
  /** Called after each file, with how many files are done of how many, e.g. for progress. */
  onFile?: (done: number, total: number) => void;
  /** Stops the import between two batches (the last batch is committed whole). */
  signal?: AbortSignal;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Imports every file below `paths`; a missing path throws before anything
 * is read. A file or folder that cannot be read is quarantined with the
 * reason, and the import goes on.
 */
export async function importPaths(paths: string[], options: ImportOptions): Promise<ImportReport> {
  const { files, skipped } = listFiles(paths);
  const report: ImportReport = { files: [], total: emptySummary() };
  const add = (file: FileReport) => {
    report.files.push(file);
    addSummary(report.total, file.summary);
  };
  // What cannot be read is quarantined with the reason; the rest is imported.
  for (const { path, reason } of skipped) add(unreadable(path, reason, options));
  for (const path of files) {
    if (options.signal?.aborted) break;
    try {
      add(await importFile(path, options));
    } catch (error) {
      add(unreadable(path, (error as Error).message, options));
    }
    options.onFile?.(report.files.length, files.length + skipped.length);
  }
  return report;
}

function unreadable(path: string, reason: string, options: ImportOptions): FileReport {
  const summary = options.ingestor.reject(
    options.feed,
    path,
    `cannot read: ${reason}`,
    Buffer.alloc(0),
  );
  options.onBatch?.(summary);
  return { path, summary };
}

async function importFile(path: string, options: ImportOptions): Promise<FileReport> {
  const { feed, ingestor } = options;
  const head = readHead(path);
  const format = options.format ?? detectFormat(path, head);
  if (!format) {
    const summary = ingestor.reject(
      feed,
      path,
      'format not recognised',
      Buffer.from(head.slice(0, 1024)),
    );
    options.onBatch?.(summary);
    return { path, summary };
  }
  const formatParser = importParser(format, options.trustLagebildIds ?? false);
  // A header-driven format keeps its header per file, and a JSON line
  // format may frame this file as one document.
  const parser = formatParser.openStream?.(head) ?? formatParser;
  const summary = emptySummary();
  // One file stores a bounded quarantine however many of its records are bad.
  const budget = new QuarantineBudget();
  for (const batch of readFileBatches(path, parser.framing)) {
    if (options.signal?.aborted) break;
    const done = ingestor.ingest(feed, parser, batch, budget);
    addSummary(summary, done);
    options.onBatch?.(done);
    // Large imports must not starve serve mode's sockets and timers.
    await yieldToEventLoop();
  }
  // A stopped import leaves the summary out: the cache may be closing under it.
  if (!options.signal?.aborted) ingestor.finishSource(feed, budget);
  return { path, format, summary };
}

/** The parser of a format; for a trusted source, STIX keeps Lagebild's exported alert ids. */
function importParser(format: Format, trustLagebildIds: boolean): Parser {
  return format === 'stix21' && trustLagebildIds ? stix21TrustedParser : parserFor(format);
}
