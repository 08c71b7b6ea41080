/**
 * The log of retention and compaction runs (table maintenance_runs): one
 * row per run that changed something, so the settings view and
 * `lagebild compact` can say what was removed, when and why.
 */
import { RetentionRunSchema, type RetentionRun } from '../../shared/cache';
import type { Statements } from './statements';

/** What one compaction gave back to the disk. */
export interface CompactionRun {
  at: number;
  freedBytes: number;
}

type RunKind = 'retention' | 'compaction';

/** Rows kept per kind: enough history for a look back, never a growing table. */
const KEPT_RUNS = 100;

function record(statements: Statements, kind: RunKind, at: number, details: object): void {
  statements
    .get('INSERT INTO maintenance_runs (kind, at, details) VALUES (?, ?, ?)')
    .run(kind, at, JSON.stringify(details));
  statements
    .get(
      `DELETE FROM maintenance_runs WHERE kind = ? AND id <= (
         SELECT id FROM maintenance_runs WHERE kind = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`,
    )
    .run(kind, kind, KEPT_RUNS);
}

function latest(statements: Statements, kind: RunKind): unknown {
  const sql = 'SELECT details FROM maintenance_runs WHERE kind = ? ORDER BY id DESC LIMIT 1';
  const details = statements.get(sql).pluck().get(kind);
  return typeof details === 'string' ? JSON.parse(details) : undefined;
}

/** Logs a retention run. Call inside a write transaction. */
export function recordRetentionRun(statements: Statements, run: RetentionRun): void {
  record(statements, 'retention', run.at, run);
}

/** Logs a compaction. Call inside a write transaction. */
export function recordCompaction(statements: Statements, run: CompactionRun): void {
  record(statements, 'compaction', run.at, run);
}

/** The last retention run that removed something, if any (an unreadable row counts as none). */
export function lastRetentionRun(statements: Statements): RetentionRun | undefined {
  const parsed = RetentionRunSchema.safeParse(latest(statements, 'retention'));
  return parsed.success ? parsed.data : undefined;
}

/** The last compaction, if any. */
export function lastCompaction(statements: Statements): CompactionRun | undefined {
  const run = latest(statements, 'compaction') as Partial<CompactionRun> | undefined;
  return Number.isSafeInteger(run?.at) && Number.isSafeInteger(run?.freedBytes)
    ? { at: run!.at!, freedBytes: run!.freedBytes! }
    : undefined;
}
