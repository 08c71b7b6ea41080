/**
 * Keeps observed_minutes (migration 005) in step with the alerts a commit
 * inserts: the seqs of each minute in the batch extend that minute's
 * newest run, or start one when too many other alerts lie in between.
 */
import { MAX_RUN_GAP } from './migrations/005-observed-minutes';
import type { Statements } from './statements';

const MINUTE_MS = 60_000;

const NEWEST_RUN = `SELECT first_seq, last_seq FROM observed_minutes
  WHERE minute = ? ORDER BY first_seq DESC LIMIT 1`;
const EXTEND_RUN = 'UPDATE observed_minutes SET last_seq = ? WHERE minute = ? AND first_seq = ?';
// After retention emptied the table, seqs start again and may meet a stale run.
const START_RUN = `INSERT INTO observed_minutes (minute, first_seq, last_seq) VALUES (?, ?, ?)
  ON CONFLICT DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)`;

/** The runs of one commit, written when its alerts are in. */
export class ObservedRuns {
  // Per minute: the runs of this batch, as [first, last] seq, in insertion order.
  private readonly runs = new Map<number, [number, number][]>();

  /** Notes that the alert observed at `observedAt` was stored as `seq`. */
  add(observedAt: number, seq: number): void {
    const minute = Math.floor(observedAt / MINUTE_MS);
    const runs = this.runs.get(minute);
    const last = runs?.at(-1);
    if (last && seq - last[1] <= MAX_RUN_GAP) last[1] = seq;
    else if (runs) runs.push([seq, seq]);
    else this.runs.set(minute, [[seq, seq]]);
  }

  /** Adds the batch's runs to observed_minutes. Call inside the commit's transaction. */
  write(statements: Statements): void {
    const newest = statements.get(NEWEST_RUN);
    const extend = statements.get(EXTEND_RUN);
    const start = statements.get(START_RUN);
    for (const [minute, runs] of this.runs) {
      const stored = newest.get(minute) as { first_seq: number; last_seq: number } | undefined;
      const [first, ...later] = runs as [[number, number], ...[number, number][]];
      // A run only grows forward: a seq at or before its end is one reused after retention.
      const gap = stored ? first[0] - stored.last_seq : Infinity;
      if (stored && gap > 0 && gap <= MAX_RUN_GAP) {
        extend.run(first[1], minute, stored.first_seq);
      } else {
        start.run(minute, first[0], first[1]);
      }
      for (const [from, to] of later) start.run(minute, from, to);
    }
  }
}

/**
 * Forgets the runs of the minutes before the one `cutoff` (ms) falls in:
 * retention calls it once no alert observed in those minutes is left, so
 * that the walk of an old window does not pass the empty runs of deleted
 * alerts.
 */
export function forgetRunsBefore(statements: Statements, cutoff: number): void {
  statements
    .get('DELETE FROM observed_minutes WHERE minute < ?')
    .run(Math.floor(cutoff / MINUTE_MS));
}
