/**
 * `npm run bench`: ingest throughput of the EVE path (parse, normalize,
 * enrich, validate, correlate, store) beside the raw better-sqlite3 insert rate of the
 * same rows into bare tables, and the cache's bytes per alert. The load is
 * generated, not real traffic.
 *
 * Each round ingests the whole load into a new cache and then inserts that
 * cache's rows bare, so that both sides of a round see the same machine; the
 * figures are the medians over the rounds. `--json` prints them as one JSON
 * object. BENCH_ALERTS and BENCH_ROUNDS change the size of the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEnricherFromConfig } from '../main/core/enrichment';
import { parserFor } from '../main/parsers/detect';
import { generateEveLines } from './generate-eve';
import { ingestRun, type IngestRun } from './ingest-run';
import { rawInsertRate, storedRows } from './raw-insert';

const ALERTS = Number(process.env.BENCH_ALERTS ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const json = process.argv.includes('--json');

function say(text: string): void {
  if (!json) console.log(text);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-bench-'));
  try {
    say(`Load: ${ALERTS} generated Suricata EVE alert lines (not real traffic), ${ROUNDS} rounds`);
    const lines = generateEveLines(ALERTS);
    const enrich = createEnricherFromConfig(undefined);
    // Load the GeoIP tables before timing, as a running app has them loaded.
    const warm = parserFor('eve').parse(lines[0] as string, 'warm-up');
    if (warm.ok) warm.alerts.forEach(enrich);

    const runs: (IngestRun & { rawInsertPerSec: number })[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const cachePath = join(dir, `cache-${round}.sqlite`);
      const run = ingestRun(cachePath, lines, enrich);
      const rawInsertPerSec = rawInsertRate(
        join(dir, `raw-${round}.sqlite`),
        storedRows(cachePath),
      );
      runs.push({ ...run, rawInsertPerSec });
      const ingestPerSec = Math.round(run.alerts / run.seconds);
      say(
        `  round ${round}: ingest ${ingestPerSec}/s, raw insert ${Math.round(rawInsertPerSec)}/s`,
      );
    }
    report(runs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(runs: (IngestRun & { rawInsertPerSec: number })[]): void {
  const ingestPerSec = median(runs.map((run) => run.alerts / run.seconds));
  const rawInsertPerSec = median(runs.map((run) => run.rawInsertPerSec));
  const figures = {
    generated: true,
    alerts: runs[0]?.alerts ?? 0,
    rounds: runs.length,
    ingestPerSec: Math.round(ingestPerSec),
    rawInsertPerSec: Math.round(rawInsertPerSec),
    ratio: Number((ingestPerSec / rawInsertPerSec).toFixed(3)),
    bytesPerAlert: Math.round(median(runs.map((run) => run.bytesPerAlert))),
  };
  if (json) {
    console.log(JSON.stringify(figures));
    return;
  }
  const lines: [label: string, value: string][] = [
    [
      'EVE ingest (parse, normalize, enrich, validate, correlate, store)',
      `${figures.ingestPerSec} alerts/s`,
    ],
    ['raw better-sqlite3 insert of the same rows', `${figures.rawInsertPerSec} rows/s`],
    ['ratio', `${figures.ratio} (target at least 0.5)`],
    ['bytes per alert on disk', `${figures.bytesPerAlert} (target at most 300)`],
  ];
  for (const [label, value] of lines) say(`${`${label}:`.padEnd(56)} ${value}`);
}

main();
