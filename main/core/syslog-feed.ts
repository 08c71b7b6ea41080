/**
 * Runs a syslog feed: a listener on UDP, TCP or TLS whose messages are
 * parsed as CEF or LEEF and committed in batches.
 *
 * A listener has no cursor. It cannot ask a sender for what was sent while
 * Lagebild was down: UDP senders forget what they sent, and TCP senders
 * with a queue (rsyslog's disk-assisted queue) send it again on reconnect,
 * where the stable alert ids keep a re-sent message from being stored
 * twice. Batches are committed without a cursor, and the feed's stored
 * cursor stays empty.
 *
 * A batch that the cache cannot take for now (a full disk, a read-only or
 * locked file) is kept in memory and tried again every RETRY_MS, newer
 * messages queued behind it; past MAX_PENDING_RECORDS arrivals are dropped,
 * logged and named in the feed's last error. A batch that fails for a
 * reason of its own is dropped and logged, so it cannot block the feed.
 */
import type { AddressInfo } from 'node:net';
import {
  startSyslogListener,
  type ListenerSettings,
  type SyslogListener,
} from '../connectors/syslog/listener';
import { PendingRecords } from '../connectors/syslog/pending-records';
import { MAX_BATCH_RECORDS, RecordBatcher } from '../connectors/syslog/record-batcher';
import type { RawRecord } from '../connectors/types';
import { parserFor } from '../parsers/detect';
import { CacheError } from '../store/cache-error';
import type { FeedConfig } from './config';
import type { FeedDeps, RunningFeed } from './feed-runner';
import type { FeedContext, IngestSummary } from './ingest';
import { scopedLogger } from './log';

const log = scopedLogger('syslog');

/** The configuration of one syslog feed. */
export type SyslogFeedConfig = Extract<FeedConfig, { type: 'syslog' }>;

/** A running syslog feed; `listening` settles with the bound address once it binds. */
export interface RunningSyslogFeed extends RunningFeed {
  listening: Promise<AddressInfo>;
}

/** Ports used when a feed names none: unprivileged, and RFC 5425's for TLS. */
const DEFAULT_PORTS = { udp: 5514, tcp: 5514, tls: 6514 } as const;
/** A listener that cannot bind (port taken, TLS files missing) tries again this often. */
const RETRY_MS = 5000;

/** Starts the listener of a syslog feed; a failure to bind is retried until stopped. */
export function runSyslog(
  feed: SyslogFeedConfig,
  context: FeedContext,
  deps: FeedDeps,
  afterBatch: (summary: IngestSummary) => void,
): RunningSyslogFeed {
  const parser = parserFor(feed.format);
  const pending = new PendingRecords();
  let failing = false;
  let stopped = false;
  let retryCommit: NodeJS.Timeout | undefined;

  /** Commits what waits, oldest first; on failure keeps it and tries again later. */
  const drain = () => {
    if (retryCommit) clearTimeout(retryCommit);
    retryCommit = undefined;
    while (pending.size > 0) {
      const records = pending.peek(MAX_BATCH_RECORDS);
      try {
        afterBatch(deps.ingestor.ingest(context, parser, { records }));
      } catch (error) {
        if (!isPassing(error)) {
          log.error(`${feed.id}: ${records.length} messages lost: ${(error as Error).message}`);
          pending.remove(records.length);
          continue;
        }
        const dropped = pending.takeDropped();
        const lost = dropped > 0 ? `, ${dropped} more dropped (memory bound)` : '';
        const message = `${pending.size} messages waiting${lost}: ${(error as Error).message}`;
        if (!failing || dropped > 0) log.error(`${feed.id}: ${message}`);
        failing = true;
        deps.health.setState(feed.id, 'down', message);
        deps.changed();
        if (!stopped) retryCommit = setTimeout(drain, RETRY_MS);
        return;
      }
      pending.remove(records.length);
    }
    const dropped = pending.takeDropped();
    if (dropped > 0) log.error(`${feed.id}: ${dropped} messages dropped while commits failed`);
    if (failing) {
      log.info(`${feed.id}: waiting messages committed`);
      deps.health.setState(feed.id, 'connected');
    }
    failing = false;
  };
  const batcher = new RecordBatcher((records: RawRecord[]) => {
    pending.add(records);
    // While commits fail, new messages only queue up; the retry takes them along.
    if (!failing) drain();
  });
  const settings: ListenerSettings = { ...feed, port: feed.port ?? DEFAULT_PORTS[feed.transport] };
  let listener: SyslogListener | undefined;
  let retry: NodeJS.Timeout | undefined;
  let bound: (address: AddressInfo) => void = () => undefined;
  const listening = new Promise<AddressInfo>((resolve) => (bound = resolve));

  const start = () => {
    startSyslogListener(settings, {
      onRecord: (record) => batcher.add(record),
      onWarning: (message) => log.warn(`${feed.id}: ${message}`),
    }).then(
      (started) => {
        if (stopped) return started.close();
        listener = started;
        const { address, port } = started.address();
        log.info(`${feed.id}: listening for syslog on ${feed.transport} ${address}:${port}`);
        deps.health.setState(feed.id, 'connected');
        deps.changed();
        bound(started.address());
      },
      (error: Error) => {
        if (stopped) return;
        log.error(`${feed.id}: cannot listen on ${feed.transport} ${feed.host}: ${error.message}`);
        deps.health.setState(feed.id, 'down', error.message);
        deps.changed();
        retry = setTimeout(start, RETRY_MS);
      },
    );
  };
  deps.health.setState(feed.id, 'connecting');
  start();

  return {
    id: feed.id,
    listening,
    stop() {
      if (stopped) return;
      stopped = true;
      if (retry) clearTimeout(retry);
      listener?.close();
      // What arrived is committed now, before the cache is closed; later arrivals are dropped.
      batcher.close();
      drain();
      if (pending.size > 0) log.error(`${feed.id}: stopped with ${pending.size} messages lost`);
    },
  };
}

/** Whether a failed commit may succeed later unchanged: the cache, not the batch, refused it. */
function isPassing(error: unknown): boolean {
  return (
    error instanceof CacheError &&
    (error.kind === 'full' || error.kind === 'read-only' || error.kind === 'locked')
  );
}
