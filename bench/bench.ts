/**
 * `npm run bench`: ingest throughput of the EVE path (parse, normalize,
 * enrich, validate, correlate, store) beside the raw better-sqlite3 insert rate of the
 * same rows into bare tables, correlation alone beside that same rate, the
 * cache's bytes per alert, and the incident queries on a cache of a million
 * alerts. The loads are generated, not real traffic.
 *
 * Each round ingests the whole load into a new cache, runs its alerts
 * through correlation alone, and then inserts that cache's rows bare, so
 * that every figure of a round sees the same machine; the figures are the
 * medians over the rounds. Then a cache is filled with generated alerts
 * through the store's commit and each incident query is timed repeatedly.
 * `--json` prints the figures as one JSON object. BENCH_ALERTS and
 * BENCH_ROUNDS change the size of the ingest run, BENCH_QUERY_ALERTS and
 * BENCH_QUERY_RUNS that of the query run. Last, a NATS feed consumes a
 * JetStream stream on a nats-server of its own (BENCH_NATS_ALERTS, see
 * nats-ingest.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEnricherFromConfig } from '../main/core/enrichment';
import type { Enricher } from '../main/enrich/enricher';
import { parserFor } from '../main/parsers/detect';
import { correlateRate, stampedAlerts } from './correlate-run';
import { fillCache } from './fill-cache';
import { generateEveLines } from './generate-eve';
import { ingestRun } from './ingest-run';
import { rawInsertRate, storedRows } from './raw-insert';
import { queryRun } from './query-run';
import { figuresJson, figuresText, type IngestFigures, type QueryFigures } from './report';
import { natsIngestBench, natsIngestJson, natsIngestText } from './nats-ingest';
import { median } from './stats';
import { syslogUdpBench, syslogUdpJson, syslogUdpText } from './syslog-udp';

const ALERTS = Number(process.env.BENCH_ALERTS ?? 200_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const QUERY_ALERTS = Number(process.env.BENCH_QUERY_ALERTS ?? 1_000_000);
const QUERY_RUNS = Number(process.env.BENCH_QUERY_RUNS ?? 20);
const json = process.argv.includes('--json');

function say(text: string): void {
  if (!json) console.log(text);
}

function ingestRounds(dir: string, enrich: Enricher): IngestFigures {
  say(`Load: ${ALERTS} generated Suricata EVE alert lines (not real traffic), ${ROUNDS} rounds`);
  const lines = generateEveLines(ALERTS);
  // Load the GeoIP tables before timing, as a running app has them loaded.
  const warm = parserFor('eve').parse(lines[0] as string, 'warm-up');
  if (warm.ok) warm.alerts.forEach(enrich);
  const alerts = stampedAlerts(lines, enrich);

  const runs: { ingest: number; correlate: number; rawInsert: number; bytes: number }[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    const cachePath = join(dir, `cache-${round}.sqlite`);
    const run = ingestRun(cachePath, lines, enrich);
    const correlate = correlateRate(join(dir, `correlate-${round}.sqlite`), alerts);
    const rawInsert = rawInsertRate(join(dir, `raw-${round}.sqlite`), storedRows(cachePath));
    runs.push({ ingest: run.alerts / run.seconds, correlate, rawInsert, bytes: run.bytesPerAlert });
    const rate = (perSec: number) => `${Math.round(perSec)}/s`;
    say(
      `  round ${round}: ingest ${rate(run.alerts / run.seconds)}, ` +
        `correlate ${rate(correlate)}, raw insert ${rate(rawInsert)}`,
    );
  }
  return {
    alerts: alerts.length,
    rounds: runs.length,
    ingestPerSec: median(runs.map((run) => run.ingest)),
    rawInsertPerSec: median(runs.map((run) => run.rawInsert)),
    correlatePerSec: median(runs.map((run) => run.correlate)),
    bytesPerAlert: median(runs.map((run) => run.bytes)),
  };
}

function queryBench(dir: string, enrich: Enricher): QueryFigures {
  say(`Filling a cache with ${QUERY_ALERTS} generated alerts (not real traffic) for the queries`);
  const cachePath = join(dir, 'queries.sqlite');
  const fill = fillCache(cachePath, QUERY_ALERTS, enrich);
  return { fill, runs: QUERY_RUNS, timings: queryRun(cachePath, QUERY_RUNS) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-bench-'));
  try {
    const enrich = createEnricherFromConfig(undefined);
    const ingest = ingestRounds(dir, enrich);
    const queries = queryBench(dir, enrich);
    const syslog = await syslogUdpBench(dir, enrich);
    const nats = await natsIngestBench(dir, enrich);
    if (json)
      console.log(
        JSON.stringify({
          ...figuresJson(ingest, queries),
          ...syslogUdpJson(syslog),
          ...natsIngestJson(nats),
        }),
      );
    else
      [
        ...figuresText(ingest, queries),
        '',
        ...syslogUdpText(syslog),
        '',
        ...natsIngestText(nats),
      ].forEach(say);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
