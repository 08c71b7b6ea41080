/**
 * The background retention: one run at a time (a second ask joins the
 * first), the change announced when something went, nothing at all
 * without limits, and a stop that waits for the run under way.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RetentionJob } from '../../../main/core/retention-job';
import { AlertCache } from '../../../main/store/alert-cache';
import { makeAlert, removeTempFiles, tempCacheFile } from '../store/helpers';

afterEach(removeTempFiles);

const DAY = 24 * 3600 * 1000;

function cacheWithOldAlerts(): AlertCache {
  const cache = AlertCache.open(tempCacheFile());
  const alerts = Array.from({ length: 30 }, (_, i) =>
    makeAlert({
      id: `eve:job-${String(i).padStart(6, '0')}`,
      observedAt: Date.now() - (i + 0.5) * DAY,
    }),
  );
  cache.commit({ feed: 'sensor-a', feedType: 'eve', alerts, quarantine: [] });
  return cache;
}

describe('RetentionJob', () => {
  it('runs once for two asks, and says that the picture changed', async () => {
    const cache = cacheWithOldAlerts();
    let changed = 0;
    const job = new RetentionJob(cache, { maxAgeDays: 10, intervalMinutes: 60 }, () => {
      changed += 1;
    });
    const [first, second] = await Promise.all([job.runNow(), job.runNow()]);
    expect(first).toBe(second);
    expect(first).toMatchObject({ reason: 'age', removedAlerts: 20 });
    expect(changed).toBe(1);
    expect(cache.stats().alerts).toBe(10);
    expect(await job.runNow()).toBeUndefined();
    await job.stop();
    cache.close();
  });

  it('removes nothing without limits, and the stopped job runs no more', async () => {
    const cache = cacheWithOldAlerts();
    const keepAll = new RetentionJob(cache, { intervalMinutes: 60 });
    expect(keepAll.limited).toBe(false);
    keepAll.start();
    expect(await keepAll.runNow()).toBeUndefined();
    const limited = new RetentionJob(cache, { maxAgeDays: 1, intervalMinutes: 60 });
    limited.start();
    await limited.stop();
    expect(await limited.runNow()).toBeUndefined();
    cache.close();
  });
});
