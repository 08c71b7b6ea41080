/**
 * What the settings view says about the cache file: its size, the space a
 * compaction would give back, how much it holds and over which time. All
 * of it is read from pragmas and the rollups, never by counting alerts.
 */
import { lastCompaction, lastRetentionRun, type CompactionRun } from './maintenance-runs';
import type { RetentionRun } from '../../shared/cache';
import type { Statements } from './statements';

/** The cache's size and contents, as of now. */
export interface CacheFacts {
  sizeBytes: number;
  reclaimableBytes: number;
  alerts: number;
  incidents: number;
  /** To the minute, from the rollups. */
  oldestObservedAt?: number;
  newestObservedAt?: number;
  lastRetention?: RetentionRun;
  lastCompaction?: CompactionRun;
}

const MINUTE_MS = 60_000;

/** The cache's size and contents. */
export function readCacheFacts(statements: Statements): CacheFacts {
  const value = (sql: string) => statements.get(sql).pluck().get() as number | null;
  const pageSize = value('PRAGMA page_size') ?? 0;
  const pages = value('PRAGMA page_count') ?? 0;
  const free = value('PRAGMA freelist_count') ?? 0;
  const oldest = value('SELECT min(minute) FROM alert_counts_minute');
  const newest = value('SELECT max(minute) FROM alert_counts_minute');
  const retention = lastRetentionRun(statements);
  const compaction = lastCompaction(statements);
  return {
    sizeBytes: pages * pageSize,
    reclaimableBytes: free * pageSize,
    alerts: value('SELECT coalesce(sum(n), 0) FROM alert_counts_total') ?? 0,
    incidents: value('SELECT count(*) FROM incidents') ?? 0,
    ...(oldest === null ? {} : { oldestObservedAt: oldest * MINUTE_MS }),
    // The end of the newest minute: no alert counted there is later.
    ...(newest === null ? {} : { newestObservedAt: (newest + 1) * MINUTE_MS - 1 }),
    ...(retention ? { lastRetention: retention } : {}),
    ...(compaction ? { lastCompaction: compaction } : {}),
  };
}
