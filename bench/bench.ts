/**
 * `npm run bench`: ingest throughput of the EVE path (parse, normalize,
 * enrich, store) beside the raw better-sqlite3 insert rate of the same rows
 * into a bare table, and the cache's bytes per alert. The load is generated.
 * `--json` prints the figures as one JSON object.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEnricherFromConfig } from '../main/core/enrichment';
import { Ingestor } from '../main/core/ingest';
import { parserFor } from '../main/parsers/detect';
import { AlertCache } from '../main/store/alert-cache';
import { generateEveLines } from './generate-eve';

const ALERTS = Number(process.env.BENCH_ALERTS ?? 200_000);
const BATCH = 2000;
const json = process.argv.includes('--json');

function say(text: string): void {
  if (!json) console.log(text);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-bench-'));
  say(`Generating ${ALERTS} Suricata EVE alert lines (generated load, not real traffic)...`);
  const lines = generateEveLines(ALERTS);
  const enrich = createEnricherFromConfig(undefined);
  // Load the GeoIP tables before timing, as a running app has them loaded.
  const warm = parserFor('eve').parse(lines[0]!, 'warm-up');
  if (warm.ok) warm.alerts.forEach(enrich);

  const cachePath = join(dir, 'cache.sqlite');
  const cache = AlertCache.open(cachePath);
  const ingestor = new Ingestor(cache, enrich);
  const parser = parserFor('eve');
  const feed = { id: 'bench', type: 'file-tail', tlp: 'amber' as const };
  const ingestStart = performance.now();
  for (let i = 0; i < lines.length; i += BATCH) {
    const records = lines
      .slice(i, i + BATCH)
      .map((text, j) => ({ position: `line ${i + j + 1}`, raw: Buffer.from(text), text }));
    ingestor.ingest(feed, parser, { records, cursor: String(i + BATCH) });
  }
  const ingestSeconds = (performance.now() - ingestStart) / 1000;
  const stored = cache.stats().alerts;
  cache.close();
  const bytesPerAlert = fileBytes(cachePath) / stored;

  const rows = cacheRows(cachePath);
  const rawInsertPerSec = rawInsertRate(join(dir, 'raw.sqlite'), rows);
  const ingestPerSec = stored / ingestSeconds;
  const figures = {
    generated: true,
    alerts: stored,
    ingestPerSec: Math.round(ingestPerSec),
    rawInsertPerSec: Math.round(rawInsertPerSec),
    ratio: Number((ingestPerSec / rawInsertPerSec).toFixed(3)),
    bytesPerAlert: Math.round(bytesPerAlert),
  };
  rmSync(dir, { recursive: true, force: true });
  if (json) {
    console.log(JSON.stringify(figures));
    return;
  }
  say(`EVE ingest (parse, normalize, enrich, store): ${figures.ingestPerSec} alerts/s`);
  say(`raw better-sqlite3 insert of the same rows:    ${figures.rawInsertPerSec} rows/s`);
  say(`ratio: ${figures.ratio} (target at least 0.5)`);
  say(`bytes per alert on disk: ${figures.bytesPerAlert} (target at most 300)`);
}

/** Size of a database with its WAL folded in. */
function fileBytes(path: string): number {
  const db = new Database(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return statSync(path).size;
}

/** The stored alert rows, read back as plain values for the raw insert. */
function cacheRows(path: string): unknown[][] {
  const db = new Database(path, { readonly: true });
  const rows = db.prepare('SELECT * FROM alerts').raw().all() as unknown[][];
  db.close();
  return rows;
}

/** Inserts the same rows into a bare table with no index, in the same batch size. */
function rawInsertRate(path: string, rows: unknown[][]): number {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const width = rows[0]?.length ?? 1;
  const columns = Array.from({ length: width }, (_, i) => `c${i}`);
  db.exec(`CREATE TABLE bare (${columns.join(', ')})`);
  const insert = db.prepare(`INSERT INTO bare VALUES (${columns.map(() => '?').join(', ')})`);
  const insertBatch = db.transaction((batch: unknown[][]) => {
    for (const row of batch) insert.run(row);
  });
  const start = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) insertBatch(rows.slice(i, i + BATCH));
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return rows.length / seconds;
}

await main();
