/**
 * Runs a NATS JetStream feed: sensors publish to a cluster, and each
 * Lagebild instance reads the stream through its own durable pull consumer
 * (instances that share one durable split the messages between them).
 * Messages are committed in batches and acknowledged after the commit.
 * Whatever goes wrong (no server, no stream yet, a restart, a deleted
 * consumer) the feed tries again, backing off, without ever blocking the
 * other feeds: all of it runs on promises, and only a commit is synchronous.
 */
import type { FeedConfig } from '../../core/config';
import type { FeedDeps, RunningFeed } from '../../core/feed-runner';
import type { FeedContext, IngestSummary } from '../../core/ingest';
import { scopedLogger } from '../../core/log';
import { parserFor } from '../../parsers/detect';
import { Backoff, type BackoffLimits } from './backoff';
import { BatchCommitter } from './batch-committer';
import { connectionOptions } from './connection-options';
import { ConsumeSession } from './consume-session';
import { MessageBatcher } from './message-batcher';

/** The configuration of one NATS feed. */
export type NatsFeedConfig = Extract<FeedConfig, { type: 'nats' }>;

/** Waits between attempts to connect, to start consuming, and to commit. */
export const RETRY_LIMITS: BackoffLimits = { initialMs: 500, maxMs: 30_000 };

/** Starts consuming; stopping commits what has arrived and closes the connection. */
export function runNats(
  feed: NatsFeedConfig,
  context: FeedContext,
  deps: FeedDeps,
  afterBatch: (summary: IngestSummary) => void,
): RunningFeed {
  const log = scopedLogger(`nats ${feed.id}`);
  const setState = (state: 'connecting' | 'connected' | 'down', error?: string) => {
    deps.health.setState(feed.id, state, error);
    deps.changed();
  };
  const reconnects = new Backoff(RETRY_LIMITS);
  let options;
  try {
    options = connectionOptions(feed, reconnects);
  } catch (error) {
    // A missing secret stays missing until Lagebild is started again with it.
    const message = (error as Error).message;
    log.error(`cannot connect: ${message}`);
    setState('down', message);
    return { id: feed.id, stop: () => undefined };
  }

  const parser = parserFor(feed.format);
  const committer = new BatchCommitter(feed.stream, deps.cache.cursor(feed.id), RETRY_LIMITS, {
    ingest: (batch) => afterBatch(deps.ingestor.ingest(context, parser, batch)),
    report: (failure) => {
      if (failure) log.error(failure);
      setState(failure ? 'down' : 'connected', failure);
    },
    warn: (message) => log.warn(message),
  });
  const batcher = new MessageBatcher(feed.batchSize, (messages) => committer.commit(messages));
  const settings = { ...feed, options, reconnects, log };
  const retries = new Backoff(RETRY_LIMITS);
  let session: ConsumeSession | undefined;
  let stopped = false;
  let wake: (() => void) | undefined;

  const runSessions = async () => {
    while (!stopped) {
      session = new ConsumeSession(settings, {
        onMessage: (message) => batcher.add(message),
        onState: (state, error) => {
          if (state === 'connected') retries.reset();
          if (error) log.warn(error);
          setState(state, error);
        },
        beforeClose: () => batcher.flush(),
      });
      try {
        const reason = await session.run();
        if (!stopped) fail(`${reason}; consuming again`);
      } catch (error) {
        if (!stopped) fail((error as Error).message);
      }
      if (stopped) return;
      const wait = retries.delay();
      retries.advance();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  };
  const fail = (message: string) => {
    log.error(message);
    setState('down', message);
  };

  setState('connecting');
  log.info(`consuming ${feed.subject} of stream ${feed.stream} as "${feed.durable}"`);
  void runSessions();
  return {
    id: feed.id,
    stop() {
      if (stopped) return;
      stopped = true;
      // What has arrived is committed now, before the cache is closed; the
      // connection sends its acknowledgements and closes in the background.
      session?.end();
      batcher.flush();
      wake?.();
    },
  };
}
