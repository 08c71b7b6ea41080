/**
 * Runs the configured feeds: imports run once in the background, tails
 * follow their files. Each batch goes through the pipeline and tells the
 * publisher that the picture changed; a failing feed never stops the others.
 */
import { FileTail, parseTailCursor } from '../connectors/file-tail';
import { runMisp } from '../connectors/misp/misp-feed';
import { runNats } from '../connectors/nats/nats-feed';
import { runTaxii } from '../connectors/taxii/taxii-feed';
import type { AlertCache } from '../store/alert-cache';
import type { FeedConfig } from './config';
import type { FeedHealthBook } from './feed-health';
import { importPaths } from './import-files';
import type { FeedContext, Ingestor, IngestSummary } from './ingest';
import { scopedLogger } from './log';
import { runSyslog } from './syslog-feed';
import { tailParser } from './tail-parser';

const log = scopedLogger('feeds');

/** What the feeds need from the rest of the core. */
export interface FeedDeps {
  cache: AlertCache;
  ingestor: Ingestor;
  health: FeedHealthBook;
  /** Called after every committed batch. */
  changed: () => void;
}

/** A running feed that can be stopped. */
export interface RunningFeed {
  id: string;
  stop(): void;
}

/** Starts every enabled feed. */
export function startFeeds(feeds: FeedConfig[], deps: FeedDeps): RunningFeed[] {
  return feeds.filter((feed) => feed.enabled).map((feed) => startFeed(feed, deps));
}

function startFeed(feed: FeedConfig, deps: FeedDeps): RunningFeed {
  deps.health.register(feed.id, feed.type, feed.expectedIntervalSeconds);
  const context: FeedContext = { id: feed.id, type: feed.type, tlp: feed.tlp };
  const afterBatch = (summary: IngestSummary) => {
    deps.health.recordEvents(feed.id, summary.records, summary.lagMs);
    deps.changed();
  };
  switch (feed.type) {
    case 'file-import':
      return runImport(feed, context, deps, afterBatch);
    case 'file-tail':
      return runTail(feed, context, deps, afterBatch);
    case 'syslog':
      return runSyslog(feed, context, deps, afterBatch);
    case 'nats':
      return runNats(feed, context, deps, afterBatch);
    case 'taxii21':
      return runTaxii(feed, context, deps, afterBatch);
    case 'misp':
      return runMisp(feed, context, deps, afterBatch);
  }
}

function runImport(
  config: Extract<FeedConfig, { type: 'file-import' }>,
  feed: FeedContext,
  deps: FeedDeps,
  afterBatch: (summary: IngestSummary) => void,
): RunningFeed {
  const { id, paths, format, trustLagebildIds } = config;
  deps.health.setState(id, 'connected');
  // Stopping ends the import between batches, before the cache is closed under it.
  const stopping = new AbortController();
  const { signal } = stopping;
  importPaths(paths, {
    feed,
    ingestor: deps.ingestor,
    format,
    trustLagebildIds,
    onBatch: afterBatch,
    signal,
  })
    .then((report) => {
      if (signal.aborted) return;
      const t = report.total;
      log.info(
        `${id}: imported ${report.files.length} files: ${t.inserted} new alerts, ${t.duplicates} known, ${t.quarantined} quarantined`,
      );
      deps.health.setState(id, 'idle');
      deps.changed();
    })
    .catch((error: Error) => {
      if (signal.aborted) return;
      log.error(`${id}: import failed: ${error.message}`);
      deps.health.setState(id, 'down', error.message);
      deps.changed();
    });
  return { id, stop: () => stopping.abort() };
}

function runTail(
  feed: Extract<FeedConfig, { type: 'file-tail' }>,
  context: FeedContext,
  deps: FeedDeps,
  afterBatch: (summary: IngestSummary) => void,
): RunningFeed {
  // A tail reads lines: EVE unless the feed names another line format.
  const parser = tailParser(feed.format ?? 'eve', feed.path);
  const tail = new FileTail(feed.path, feed.pollMs, parseTailCursor(deps.cache.cursor(feed.id)), {
    onBatch: (batch) => afterBatch(deps.ingestor.ingest(context, parser, batch)),
    onState: (state, error) => {
      deps.health.setState(feed.id, state, error);
      deps.changed();
    },
  });
  tail.start();
  return { id: feed.id, stop: () => tail.stop() };
}
