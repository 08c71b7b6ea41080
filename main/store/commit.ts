/**
 * Writes one batch from a feed: its alerts, its quarantined records, its
 * counters and its cursor, all inside the caller's transaction, so that a
 * restart neither loses records nor stores any twice.
 */
import type { Alert } from '../../shared/model';
import type { Correlator } from '../correlate/correlator';
import { INSERT_ALERT_SQL, alertValues } from './alert-row';
import type { FeedTable } from './feeds';
import { ObservedRuns } from './observed-runs';
import { insertQuarantine, type QuarantineInput } from './quarantine';
import type { RawBlocks } from './raw-blocks';
import { RollupBatch } from './rollups';
import type { Statements } from './statements';
import type { TextInterner } from './texts';

/** What one feed delivered since its last commit. */
export interface CommitBatch {
  feed: string;
  feedType: string;
  alerts: (Alert & { raw: string })[];
  quarantine: QuarantineInput[];
  /** Valid records without alerts, counted by event type. */
  ignored?: Record<string, number>;
  /** Where the feed resumes after this batch; unchanged when absent. */
  cursor?: string;
}

/** How many alerts were new and how many were already stored. */
export interface CommitResult {
  inserted: number;
  duplicates: number;
}

/** The parts of an open cache a commit writes through. */
export interface CommitContext {
  statements: Statements;
  texts: TextInterner;
  feeds: FeedTable;
  blocks: RawBlocks;
  correlator: Correlator;
}

/** Throws when an alert claims another feed than the batch it came in. */
export function checkBatch(batch: CommitBatch): void {
  const stray = batch.alerts.find((alert) => alert.feed !== batch.feed);
  if (stray) throw new Error(`alert ${stray.id} is of feed ${stray.feed}, not ${batch.feed}`);
}

/**
 * Inserts the batch's alerts, each attached to its incident, with their
 * rollup counts; returns how many were new.
 */
function insertAlerts(context: CommitContext, feed: number, batch: CommitBatch, now: number) {
  const { statements, texts, correlator } = context;
  const insert = statements.get(INSERT_ALERT_SQL);
  const blocks = context.blocks.startCommit(feed);
  const rollups = new RollupBatch();
  const runs = new ObservedRuns();
  let inserted = 0;
  let lastReceivedAt: number | undefined;
  for (const alert of batch.alerts) {
    // The row names its raw record's slot before the trigger decides whether
    // it is new; a duplicate leaves the slot to the next alert.
    const slot = blocks.slot(alert.raw);
    const placement = correlator.place(alert);
    const values = alertValues(alert, feed, placement.state.num, texts, slot);
    const result = insert.run(values);
    if (result.changes === 0) continue;
    correlator.take(placement);
    blocks.add(alert.raw);
    inserted += 1;
    rollups.add(alert, feed);
    runs.add(alert.observedAt, Number(result.lastInsertRowid));
    lastReceivedAt = Math.max(lastReceivedAt ?? alert.receivedAt, alert.receivedAt);
  }
  blocks.finish();
  correlator.flush(now);
  rollups.write(statements);
  runs.write(statements);
  return { inserted, lastReceivedAt };
}

/** Writes `batch`. Call inside one write transaction. */
export function writeBatch(context: CommitContext, batch: CommitBatch, now: number): CommitResult {
  const feed = context.feeds.ensure(batch.feed, batch.feedType, now);
  const { inserted, lastReceivedAt } =
    batch.alerts.length > 0
      ? insertAlerts(context, feed, batch, now)
      : { inserted: 0, lastReceivedAt: undefined };
  let quarantined = 0;
  for (const entry of batch.quarantine) {
    if (insertQuarantine(context.statements, feed, entry, now)) quarantined += 1;
  }
  const ignoredCount = Object.values(batch.ignored ?? {}).reduce((sum, n) => sum + n, 0);
  // Records without new alerts still show that the feed is alive.
  const otherRecords = batch.quarantine.length + ignoredCount > 0;
  context.feeds.record(
    feed,
    {
      alerts: inserted,
      quarantined,
      ignored: batch.ignored,
      cursor: batch.cursor,
      lastEventAt: lastReceivedAt ?? (otherRecords ? now : undefined),
    },
    now,
  );
  return { inserted, duplicates: batch.alerts.length - inserted };
}
