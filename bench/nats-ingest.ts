/**
 * The NATS part of `npm run bench`: generated EVE alert lines (not real
 * traffic) are published to a JetStream stream on a nats-server started for
 * the run on loopback, then a NATS feed consumes them into a new cache as
 * it does in the app: a durable pull consumer, batches parsed, enriched,
 * stored in one transaction each, then acknowledged. Beside it stands the
 * raw insert rate of the very rows that run stored, measured in the same
 * run (target ratio at least 0.5). Where nats-server is not installed, the
 * figure is skipped and the bench says so.
 */
import { join } from 'node:path';
import { runNats, type NatsFeedConfig } from '../main/connectors/nats/nats-feed';
import { parseConfig } from '../main/core/config';
import { FeedHealthBook } from '../main/core/feed-health';
import { Ingestor } from '../main/core/ingest';
import type { Enricher } from '../main/enrich/enricher';
import { AlertCache } from '../main/store/alert-cache';
import { openJetStream, publishAll } from '../test/support/jetstream';
import { NATS_SERVER, natsServerInstalled, startNatsServer } from '../test/support/nats-server';
import { generateEveLines } from './generate-eve';
import { BATCH } from './ingest-run';
import { rawInsertRate, storedRows } from './raw-insert';

/** What the NATS run measured, or why it did not run. */
export type NatsIngestFigures =
  | { alerts: number; seconds: number; perSec: number; rawInsertPerSec: number }
  | { skipped: string };

const STREAM = 'BENCH';
// Bounds the consuming run, so that a feed that stalls fails the bench instead of hanging it.
const MAX_SECONDS = 300;

/** Publishes `count` lines, then times a NATS feed storing them all. */
export async function natsIngestRun(
  dir: string,
  enrich: Enricher,
  count: number,
): Promise<NatsIngestFigures> {
  if (!natsServerInstalled()) return { skipped: `${NATS_SERVER} is not installed` };
  const server = await startNatsServer();
  try {
    const lines = generateEveLines(count);
    const client = await openJetStream(server.url);
    await client.jsm.streams.add({ name: STREAM, subjects: [`${STREAM}.>`] });
    await publishAll(client, `${STREAM}.sensor`, lines);
    await client.close();

    const cachePath = join(dir, 'nats-ingest.sqlite');
    const seconds = await consumeAll(server.url, cachePath, enrich, lines.length);
    const rows = storedRows(cachePath);
    return {
      alerts: rows.alerts.length,
      seconds,
      perSec: rows.alerts.length / seconds,
      rawInsertPerSec: rawInsertRate(join(dir, 'nats-raw.sqlite'), rows),
    };
  } finally {
    await server.stop();
  }
}

/** Runs a NATS feed until it has committed `total` records; returns the seconds it took. */
async function consumeAll(
  url: string,
  cachePath: string,
  enrich: Enricher,
  total: number,
): Promise<number> {
  const config = parseConfig(
    {
      feeds: [
        // Batches as large as the raw insert's transactions, so that both commit alike.
        { id: 'bench-nats', type: 'nats', servers: [url], stream: STREAM, subject: `${STREAM}.>` },
      ].map((feed) => ({ ...feed, durable: 'bench', batchSize: BATCH })),
    },
    'bench',
    '.',
  );
  const feed = config.feeds[0] as NatsFeedConfig;
  const cache = AlertCache.open(cachePath);
  const deps = {
    cache,
    ingestor: new Ingestor(cache, enrich),
    health: new FeedHealthBook(),
    changed: () => undefined,
  };
  let committed = 0;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const start = performance.now();
  const running = runNats(
    feed,
    { id: feed.id, type: feed.type, tlp: feed.tlp },
    deps,
    (summary) => {
      committed += summary.records;
      if (committed >= total) done();
    },
  );
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`NATS feed stored ${committed} of ${total} in ${MAX_SECONDS} s`)),
      MAX_SECONDS * 1000,
    );
  });
  try {
    await Promise.race([finished, timeout]);
    return (performance.now() - start) / 1000;
  } finally {
    clearTimeout(timer);
    running.stop();
    cache.close();
  }
}

/** A run of BENCH_NATS_ALERTS generated alerts (default 100,000). */
export function natsIngestBench(dir: string, enrich: Enricher): Promise<NatsIngestFigures> {
  return natsIngestRun(dir, enrich, Number(process.env.BENCH_NATS_ALERTS ?? 100_000));
}

const ratio = (part: number, whole: number) => Number((part / whole).toFixed(3));

/** The figures as keys of the `--json` object (null when skipped, with the reason). */
export function natsIngestJson(figures: NatsIngestFigures) {
  if ('skipped' in figures) {
    return {
      natsIngestPerSec: null,
      natsRawInsertPerSec: null,
      natsRatio: null,
      natsSkipped: figures.skipped,
    };
  }
  return {
    natsAlerts: figures.alerts,
    natsIngestPerSec: Math.round(figures.perSec),
    natsRawInsertPerSec: Math.round(figures.rawInsertPerSec),
    natsRatio: ratio(figures.perSec, figures.rawInsertPerSec),
  };
}

/** The figures as labelled lines. */
export function natsIngestText(figures: NatsIngestFigures): string[] {
  if ('skipped' in figures) return [`NATS JetStream ingest: skipped (${figures.skipped})`];
  const json = natsIngestJson(figures);
  const label = (name: string, value: string) => `${`${name}:`.padEnd(56)} ${value}`;
  return [
    `NATS JetStream on loopback, ${figures.alerts} generated EVE alerts (not real traffic)`,
    label(
      'NATS ingest (consume, parse ... store, acknowledge)',
      `${json.natsIngestPerSec} alerts/s`,
    ),
    label('raw better-sqlite3 insert of the same rows', `${json.natsRawInsertPerSec} rows/s`),
    label('ratio', `${json.natsRatio} (target at least 0.5)`),
  ];
}
