/**
 * Retention never lowers an incident's TLP: its title comes from its first
 * alert, which age retention removes first, and a wall under a lower
 * ceiling must not be shown that title because the strict alert has gone.
 */
import { afterEach, expect, it } from 'vitest';
import { AlertCache } from '../../../main/store/alert-cache';
import { makeAlert, removeTempFiles, tempCacheFile } from './helpers';

afterEach(removeTempFiles);

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2025, 6, 1, 0, 0, 0);

it('keeps the TLP of an incident whose strictest alert retention removed', async () => {
  const cache = AlertCache.open(tempCacheFile());
  const shared = { feed: 'sensor', title: 'ET EXPLOIT shared rule', signature: 'suricata:1:42:1' };
  cache.commit({
    feed: 'sensor',
    feedType: 'eve',
    quarantine: [],
    // Every half hour for eight days: one incident that spans the cutoff.
    alerts: Array.from({ length: 8 * 48 }, (_, i) =>
      makeAlert({
        ...shared,
        id: `eve:spanning-${i}`,
        observedAt: NOW - 9 * DAY + i * 30 * 60_000,
        tlp: i === 0 ? 'red' : 'green',
      }),
    ),
  });
  const [before] = cache.incidents({ limit: 10 });
  expect(before).toMatchObject({ tlp: 'red' });

  await cache.applyRetention({ maxAgeDays: 5 }, { now: NOW });

  const after = cache.incidents({ limit: 10 }).find((incident) => incident.id === before!.id);
  expect(after).toMatchObject({ tlp: 'red' });
  expect(after!.alerts).toBeLessThan(before!.alerts);
  expect(cache.incidents({ limit: 10, tlp: ['clear', 'green'] })).toEqual([]);
  cache.close();
});
