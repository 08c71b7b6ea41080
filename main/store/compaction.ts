/**
 * Compaction: VACUUM rewrites the file without its free pages, and a
 * truncating checkpoint empties the write-ahead log, so that the space
 * retention freed goes back to the disk.
 */
import { recordCompaction, type CompactionRun } from './maintenance-runs';
import type { Statements } from './statements';

function fileBytes(statements: Statements): number {
  const value = (name: string) => statements.get(`PRAGMA ${name}`).pluck().get() as number;
  return value('page_count') * value('page_size');
}

/**
 * Rewrites the cache without free pages and records what it gave back.
 * Needs about the file's size free on its disk for the rewrite; blocks
 * every other use of the cache while it runs.
 */
export function compactDatabase(statements: Statements, now: number): CompactionRun {
  const before = fileBytes(statements);
  statements.db.exec('VACUUM');
  statements.db.pragma('wal_checkpoint(TRUNCATE)');
  const run = { at: now, freedBytes: Math.max(0, before - fileBytes(statements)) };
  statements.db.transaction(() => recordCompaction(statements, run)).immediate();
  return run;
}
