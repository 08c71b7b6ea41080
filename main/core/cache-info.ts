/**
 * The settings view's account of the cache: its file, size, contents,
 * limits, last maintenance and state, and compaction on request.
 */
import type { CacheInfo } from '../../shared/cache';
import type { AlertCache } from '../store/alert-cache';
import type { CacheHealth } from './cache-health';
import type { RetentionConfig } from './retention-config';
import { scopedLogger } from './log';
import type { RetentionJob } from './retention-job';

const log = scopedLogger('cache');

/** What the cache info reads from. */
export interface CacheInfoDeps {
  cache: AlertCache;
  health: CacheHealth;
  retention: RetentionConfig;
  readOnly: boolean;
  /** Absent in read-only mode, where nothing may be deleted. */
  job?: RetentionJob;
}

/** The cache as the settings view shows it. */
export function cacheInfo({ cache, health, retention, readOnly }: CacheInfoDeps): CacheInfo {
  const facts = cache.facts();
  return {
    file: cache.file,
    readOnly,
    ...facts,
    retention: {
      ...(retention.maxAgeDays === undefined ? {} : { maxAgeDays: retention.maxAgeDays }),
      ...(retention.maxSizeMB === undefined ? {} : { maxSizeMB: retention.maxSizeMB }),
    },
    state: health.state(),
  };
}

/** Applies retention, then gives the free pages back to the disk; answers the info after. */
export async function compactCache(deps: CacheInfoDeps): Promise<CacheInfo> {
  if (deps.readOnly || !deps.job) throw new Error('the cache is open read-only');
  await deps.job.runNow();
  const run = deps.cache.compact();
  log.info(`cache ${deps.cache.file}: compacted, ${run.freedBytes} bytes given back to the disk`);
  return cacheInfo(deps);
}
