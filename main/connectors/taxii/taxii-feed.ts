/**
 * Runs a TAXII 2.1 feed: polls the server's collections at the feed's
 * interval, hands each page of objects to the STIX 2.1 parser, and backs
 * off while the server fails. The cursor is read from the cache at every
 * poll, so a poll after a failure, or after a restart, resumes from what
 * was committed.
 */
import type { FeedConfig } from '../../core/config';
import type { FeedDeps, RunningFeed } from '../../core/feed-runner';
import type { FeedContext, IngestSummary } from '../../core/ingest';
import { scopedLogger } from '../../core/log';
import { stix21Parser } from '../../parsers/stix21';
import { clientSettings } from '../http/client-settings';
import type { RecordBatch } from '../types';
import { retryLimits, startPollLoop, type PollLoop } from '../poll/poll-loop';
import { parseTaxiiCursor } from './cursor';
import { pollTaxii } from './poller';

/** The configuration of one TAXII 2.1 feed. */
export type TaxiiFeedConfig = Extract<FeedConfig, { type: 'taxii21' }>;

/** A running TAXII feed; `loop.done` settles once it has stopped. */
export interface RunningTaxiiFeed extends RunningFeed {
  loop: PollLoop;
}

/** Starts polling at once; stopping aborts the request under way. */
export function runTaxii(
  feed: TaxiiFeedConfig,
  context: FeedContext,
  deps: FeedDeps,
  afterBatch: (summary: IngestSummary) => void,
): RunningTaxiiFeed {
  const log = scopedLogger(`taxii ${feed.id}`);
  const intervalMs = feed.pollSeconds * 1000;
  const loop = startPollLoop({
    intervalMs,
    retry: retryLimits(intervalMs),
    poll: async (signal) => {
      const client = await clientSettings({ auth: feed.auth, caFile: feed.tls?.ca });
      const cursor = parseTaxiiCursor(deps.cache.cursor(feed.id));
      const pollDeps = {
        ingest: (batch: RecordBatch) => {
          afterBatch(deps.ingestor.ingest(context, stix21Parser, batch));
        },
        warn: (message: string) => log.warn(message),
      };
      const read = await pollTaxii(feed, cursor, client, pollDeps, signal);
      if (read.objects > 0) {
        log.info(
          `${read.objects} objects in ${read.pages} pages from ${read.collections} collections`,
        );
      }
    },
    onState: (state, error) => {
      if (error) log.error(error);
      deps.health.setState(feed.id, state, error);
      deps.changed();
    },
  });
  log.info(`polling ${feed.url} every ${feed.pollSeconds} s`);
  return { id: feed.id, loop, stop: () => loop.stop() };
}
