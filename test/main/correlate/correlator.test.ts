/**
 * Correlation through the cache's commit: generated sequences with gaps,
 * interleaved sources and IPv6, indicators, re-imports, and the samples.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/model';
import { AlertCache } from '../../../main/store/alert-cache';
import { makeAlert, removeTempFiles, tempCacheFile } from '../store/helpers';

afterEach(removeTempFiles);

const MINUTE = 60_000;
const T0 = Date.UTC(2025, 5, 1, 8, 0, 0);
const HQ = { ip: '10.16.0.5', site: 'HQ', country: 'DE' };

let counter = 0;
function scan(at: number, sourceIp: string, overrides: Partial<Alert> = {}) {
  counter += 1;
  return makeAlert({
    id: `eve:c-${String(counter).padStart(6, '0')}`,
    observedAt: at,
    source: { ip: sourceIp, country: 'CN' },
    destination: HQ,
    ...overrides,
  });
}

function commit(cache: AlertCache, alerts: (Alert & { raw: string })[], feed = 'sensor-a') {
  return cache.commit({ feed, feedType: 'eve', alerts, quarantine: [] });
}

describe('correlation', () => {
  it('groups one rule, target and source /24 while the gaps stay under 30 minutes', () => {
    const cache = AlertCache.open(tempCacheFile());
    commit(cache, [
      scan(T0, '203.0.113.1'),
      scan(T0 + 20 * MINUTE, '203.0.113.2'),
      scan(T0 + 45 * MINUTE, '203.0.113.3'),
      // 31 minutes after the last one: a new incident.
      scan(T0 + 76 * MINUTE, '203.0.113.4'),
    ]);
    const incidents = cache.incidents({ sort: 'firstSeen' });
    expect(incidents.map((i) => i.alerts)).toEqual([1, 3]);
    expect(incidents[1]).toMatchObject({
      firstSeen: T0,
      lastSeen: T0 + 45 * MINUTE,
      status: 'new',
      target: 'site HQ',
      sourceNetwork: '203.0.113.0/24',
      countries: ['CN', 'DE'],
      feeds: ['sensor-a'],
    });
    cache.close();
  });

  it('keeps interleaved sources apart and joins across commits', () => {
    const cache = AlertCache.open(tempCacheFile());
    for (let i = 0; i < 10; i += 1) {
      commit(cache, [
        scan(T0 + i * MINUTE, '203.0.113.9'),
        scan(T0 + i * MINUTE, '2001:db8:1:2::7'),
        scan(T0 + i * MINUTE, `2001:db8:1:${i}::1`),
      ]);
    }
    const incidents = cache.incidents({ sort: 'alerts' });
    expect(incidents.map((i) => [i.sourceNetwork, i.alerts])).toEqual([
      // 2001:db8:1:2::7 and 2001:db8:1:N::1 are all in 2001:db8:1::/48.
      ['2001:db8:1::/48', 20],
      ['203.0.113.0/24', 10],
    ]);
    cache.close();
  });

  it('takes the highest severity and the most restrictive TLP of its alerts', () => {
    const cache = AlertCache.open(tempCacheFile());
    commit(cache, [
      scan(T0, '203.0.113.1', { severity: 'low', tlp: 'green' }),
      scan(T0 + MINUTE, '203.0.113.1', { severity: 'critical', tlp: 'clear' }),
      scan(T0 + 2 * MINUTE, '203.0.113.1', { severity: 'medium', tlp: 'amber+strict' }),
    ]);
    expect(cache.incidents({})).toMatchObject([{ severity: 'critical', tlp: 'amber+strict' }]);
    cache.close();
  });

  it('places an alert that arrives late inside the incident its time falls in', () => {
    const cache = AlertCache.open(tempCacheFile());
    commit(cache, [scan(T0, '203.0.113.1'), scan(T0 + 100 * MINUTE, '203.0.113.1')]);
    commit(cache, [scan(T0 + 10 * MINUTE, '203.0.113.1')]);
    const incidents = cache.incidents({ sort: 'firstSeen' });
    expect(incidents.map((i) => [i.firstSeen, i.lastSeen, i.alerts])).toEqual([
      [T0 + 100 * MINUTE, T0 + 100 * MINUTE, 1],
      [T0, T0 + 10 * MINUTE, 2],
    ]);
    cache.close();
  });

  it('makes every sighting of one indicator one incident, however far apart', () => {
    const cache = AlertCache.open(tempCacheFile());
    const signature = 'indicator--a932fcc6-e032-476c-826f-cb970a5a1ade';
    commit(cache, [
      scan(T0, '203.0.113.1', { kind: 'sighting', signature }),
      scan(T0 + 30 * 24 * 60 * MINUTE, '198.51.100.1', { kind: 'sighting', signature }),
    ]);
    expect(cache.incidents({})).toMatchObject([{ alerts: 2, signature }]);
    cache.close();
  });

  it('gives the same incidents when the same data is imported again, or into another cache', () => {
    const alerts = [
      scan(T0, '203.0.113.1'),
      scan(T0 + MINUTE, '198.51.100.1'),
      scan(T0 + 2 * MINUTE, '203.0.113.1'),
    ];
    const first = AlertCache.open(tempCacheFile());
    commit(first, alerts);
    const before = first.incidents({});
    expect(commit(first, alerts)).toEqual({ inserted: 0, duplicates: 3 });
    expect(first.incidents({})).toEqual(before);
    const second = AlertCache.open(tempCacheFile());
    commit(second, alerts);
    const ids = (cache: AlertCache) => cache.incidents({}).map((i) => [i.id, i.alerts]);
    expect(ids(second)).toEqual(ids(first));
    first.close();
    second.close();
  });

  it('correlates again after a reopen, from the stored incidents', () => {
    const file = tempCacheFile();
    const cache = AlertCache.open(file);
    commit(cache, [scan(T0, '203.0.113.1')]);
    cache.close();
    const reopened = AlertCache.open(file);
    commit(reopened, [scan(T0 + 5 * MINUTE, '203.0.113.2')]);
    expect(reopened.incidents({})).toMatchObject([{ alerts: 2, lastSeen: T0 + 5 * MINUTE }]);
    reopened.close();
  });

  it('attaches each alert to its incident, in observed order', () => {
    const cache = AlertCache.open(tempCacheFile());
    commit(cache, [scan(T0 + MINUTE, '203.0.113.1'), scan(T0, '203.0.113.1')]);
    const [incident] = cache.incidents({});
    const alerts = cache.incidentAlerts(incident?.id ?? '', { limit: 10 });
    expect(alerts.map((a) => a.observedAt)).toEqual([T0, T0 + MINUTE]);
    expect(alerts.every((a) => a.incidentId === incident?.id)).toBe(true);
    expect(cache.incidentAlerts(incident?.id ?? '', { from: T0 + 1, limit: 10 })).toHaveLength(1);
    cache.close();
  });
});
