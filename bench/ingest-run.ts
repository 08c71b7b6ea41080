/**
 * One timed run of the EVE ingest path into a new cache: records cut as the
 * file connectors cut them, then parse, normalize, enrich, validate and
 * store, one transaction per batch with its cursor, exactly as a feed does.
 */
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import type { Enricher } from '../main/enrich/enricher';
import { Ingestor } from '../main/core/ingest';
import { parserFor } from '../main/parsers/detect';
import { AlertCache } from '../main/store/alert-cache';

/** Records per batch, as the file connectors deliver them. */
export const BATCH = 2000;

/** The feed the benchmark's EVE lines come in on. */
export const BENCH_FEED = { id: 'bench', type: 'file-tail', tlp: 'amber' as const };

/** What one ingest run did and how long it took. */
export interface IngestRun {
  alerts: number;
  seconds: number;
  bytesPerAlert: number;
}

/** Size of a database with its write-ahead log folded in. */
function fileBytes(path: string): number {
  const db = new Database(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return statSync(path).size;
}

/** Ingests `lines` into a new cache at `cachePath`. */
export function ingestRun(
  cachePath: string,
  lines: readonly string[],
  enrich: Enricher,
): IngestRun {
  const cache = AlertCache.open(cachePath);
  const ingestor = new Ingestor(cache, enrich);
  const parser = parserFor('eve');
  const start = performance.now();
  for (let i = 0; i < lines.length; i += BATCH) {
    // A connector hands over each line's bytes beside its text; making them is part of the run.
    const records = lines
      .slice(i, i + BATCH)
      .map((text, j) => ({ position: `line ${i + j + 1}`, raw: Buffer.from(text), text }));
    ingestor.ingest(BENCH_FEED, parser, { records, cursor: String(i + records.length) });
  }
  const seconds = (performance.now() - start) / 1000;
  const alerts = cache.stats().alerts;
  cache.close();
  return { alerts, seconds, bytesPerAlert: fileBytes(cachePath) / alerts };
}
