/**
 * Runs a MISP feed: a MISP feed read over HTTP or from a folder, or a MISP
 * server's REST API, polled at the feed's interval with backoff while it
 * fails. Every event goes through the MISP parser, so one event is one
 * incident. The cursor is read from the cache at every poll.
 */
import type { FeedConfig } from '../../core/config';
import type { FeedDeps, RunningFeed } from '../../core/feed-runner';
import type { FeedContext, IngestSummary } from '../../core/ingest';
import { scopedLogger } from '../../core/log';
import { mispParser } from '../../parsers/misp';
import { clientSettings } from '../http/client-settings';
import { retryLimits, startPollLoop, type PollLoop } from '../poll/poll-loop';
import type { RecordBatch } from '../types';
import { parseApiCursor, parseFeedCursor } from './cursors';
import { dirFeedFiles, httpFeedFiles } from './feed-files';
import { pollMispFeed } from './feed-poller';
import { pollRestSearch } from './rest-search';

/** The configuration of one MISP feed. */
export type MispFeedConfig = Extract<FeedConfig, { type: 'misp' }>;

/** A running MISP feed; `loop.done` settles once it has stopped. */
export interface RunningMispFeed extends RunningFeed {
  loop: PollLoop;
}

/** Starts polling at once; stopping aborts the request under way. */
export function runMisp(
  feed: MispFeedConfig,
  context: FeedContext,
  deps: FeedDeps,
  afterBatch: (summary: IngestSummary) => void,
): RunningMispFeed {
  const log = scopedLogger(`misp ${feed.id}`);
  const ingest = (batch: RecordBatch) => {
    afterBatch(deps.ingestor.ingest(context, mispParser, batch));
  };
  const warn = (message: string) => log.warn(message);
  const pollOnce = async (signal: AbortSignal): Promise<number> => {
    const client = await clientSettings({
      authorizationEnv: feed.authKeyEnv,
      caFile: feed.tls?.ca,
    });
    const stored = deps.cache.cursor(feed.id);
    if (feed.apiUrl !== undefined) {
      const api = { apiUrl: feed.apiUrl, pageSize: feed.pageSize };
      return pollRestSearch(api, parseApiCursor(stored), client, { ingest }, signal);
    }
    const files =
      feed.feedDir === undefined
        ? httpFeedFiles(feed.feedUrl as string, client)
        : dirFeedFiles(feed.feedDir);
    return pollMispFeed(files, parseFeedCursor(stored), { ingest, warn }, signal);
  };
  const intervalMs = feed.pollSeconds * 1000;
  const loop = startPollLoop({
    intervalMs,
    retry: retryLimits(intervalMs),
    poll: async (signal) => {
      const events = await pollOnce(signal);
      if (events > 0) log.info(`${events} new or changed events`);
    },
    onState: (state, error) => {
      if (error) log.error(error);
      deps.health.setState(feed.id, state, error);
      deps.changed();
    },
  });
  log.info(`polling ${feed.apiUrl ?? feed.feedUrl ?? feed.feedDir} every ${feed.pollSeconds} s`);
  return { id: feed.id, loop, stop: () => loop.stop() };
}
