/**
 * Retention by age and by size keeps the cache consistent: statistics,
 * sectors and incidents after a run are those of the alerts that remain,
 * raw records of the remaining alerts still read back, and every run that
 * removed something is recorded.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Alert } from '../../../shared/model';
import { SECTORS, SEVERITIES, TLP_LEVELS } from '../../../shared/vocab';
import { AlertCache } from '../../../main/store/alert-cache';
import { makeAlert, removeTempFiles, tempCacheFile } from './helpers';

afterEach(() => {
  vi.useRealTimers();
  removeTempFiles();
});

const DAY = 24 * 3600 * 1000;
const NOW = Date.UTC(2025, 6, 1, 0, 0, 0);
const FEEDS = ['sensor-a', 'sensor-b', 'sensor-c'];
const SECTOR_LISTS = [[], [SECTORS[0]!], [SECTORS[0]!, SECTORS[1]!], [SECTORS[2]!, SECTORS[2]!]];
const COUNTRIES = [undefined, 'RU', 'CN', 'DE'];

/** Alerts spread over the ten days before NOW, every 37 minutes, of varied feeds and marks. */
function spreadAlerts(count: number): (Alert & { raw: string })[] {
  return Array.from({ length: count }, (_, i) => {
    const country = COUNTRIES[i % COUNTRIES.length];
    return makeAlert({
      id: `eve:ret-${String(i).padStart(8, '0')}`,
      feed: FEEDS[i % FEEDS.length]!,
      observedAt: NOW - 10 * DAY + i * 37 * 60_000,
      // Two titles: most alerts fall into a few long incidents spanning the cutoff.
      title: i % 5 === 0 ? 'ET POLICY rare' : 'ET SCAN Potential SSH Scan',
      severity: SEVERITIES[i % SEVERITIES.length]!,
      tlp: TLP_LEVELS[i % TLP_LEVELS.length]!,
      sectors: SECTOR_LISTS[i % SECTOR_LISTS.length]!,
      ...(country ? { source: { ip: '203.0.113.5', country } } : {}),
      destination: { ip: '10.0.0.1', ...(i % 3 === 0 ? { country: 'AT' } : {}) },
    });
  });
}

function commitAll(cache: AlertCache, alerts: (Alert & { raw: string })[]): void {
  for (const feed of FEEDS) {
    const own = alerts.filter((alert) => alert.feed === feed);
    for (let i = 0; i < own.length; i += 500) {
      cache.commit({ feed, feedType: 'eve', alerts: own.slice(i, i + 500), quarantine: [] });
    }
  }
}

/** The same alerts in a new cache: what the statistics must be. */
function freshCache(alerts: (Alert & { raw: string })[]): AlertCache {
  const cache = AlertCache.open(tempCacheFile());
  commitAll(cache, alerts);
  return cache;
}

function alertStats(cache: AlertCache) {
  const { incidents: _i, byStatus: _s, quarantined: _q, ...stats } = cache.stats();
  return stats;
}

function rows(file: string, sql: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().all();
  } finally {
    db.close();
  }
}

describe('retention by age', () => {
  it('removes what is older than the limit and keeps every count exact', async () => {
    const file = tempCacheFile();
    const cache = AlertCache.open(file);
    const alerts = spreadAlerts(400);
    commitAll(cache, alerts);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW - 8 * DAY);
    cache.commit({
      feed: 'sensor-a',
      feedType: 'eve',
      alerts: [],
      quarantine: [{ position: 'line 1', reason: 'old junk', raw: 'x' }],
    });
    vi.setSystemTime(NOW - DAY);
    cache.commit({
      feed: 'sensor-a',
      feedType: 'eve',
      alerts: [],
      quarantine: [{ position: 'line 2', reason: 'new junk', raw: 'y' }],
    });
    vi.useRealTimers();
    const incidentsBefore = cache.incidents({ limit: 1000 });
    const oldOnly = incidentsBefore.filter((incident) => incident.lastSeen < NOW - 5 * DAY);
    expect(oldOnly.length).toBeGreaterThan(0);

    // A small chunk: the run takes many transactions, as a large cache does.
    const run = await cache.applyRetention({ maxAgeDays: 5 }, { now: NOW, chunk: 7 });

    const cutoff = NOW - 5 * DAY;
    const kept = alerts.filter((alert) => alert.observedAt >= cutoff);
    expect(run).toMatchObject({
      at: NOW,
      reason: 'age',
      cutoff,
      removedAlerts: alerts.length - kept.length,
      removedQuarantined: 1,
    });
    expect(run!.removedIncidents).toBe(oldOnly.length);

    const fresh = freshCache(kept);
    expect(alertStats(cache)).toEqual(alertStats(fresh));
    expect(cache.stats().quarantined).toBe(1);
    const window = { from: NOW - 10 * DAY, to: NOW, buckets: 20 };
    expect(cache.sectors(window)).toEqual(fresh.sectors(window));
    expect(cache.sectors(window, 'green')).toEqual(fresh.sectors(window, 'green'));
    expect(cache.feedCounters().map((f) => f.alerts)).toEqual(
      fresh.feedCounters().map((f) => f.alerts),
    );
    expect(cache.feedCounters().find((f) => f.id === 'sensor-a')?.quarantined).toBe(1);

    // Incidents: the old ones are gone with their timeline; the others count what they keep.
    const incidents = cache.incidents({ limit: 1000 });
    expect(incidents).toHaveLength(incidentsBefore.length - oldOnly.length);
    for (const incident of incidents) {
      const own = cache.incidentAlerts(incident.id, { limit: 10_000 });
      expect(incident.alerts).toBe(own.length);
      expect(incident.firstSeen).toBe(Math.min(...own.map((a) => a.observedAt)));
      expect(incident.firstSeen).toBeGreaterThanOrEqual(cutoff);
    }
    expect(cache.incident(oldOnly[0]!.id)).toBeNull();

    // Raw records of the remaining alerts read back; blocks no alert names are gone.
    for (const alert of kept.slice(0, 20)) expect(cache.getAlert(alert.id)?.raw).toBe(alert.raw);
    expect(cache.getAlert(alerts[0]!.id)).toBeNull();
    const orphans = rows(
      file,
      'SELECT count(*) FROM raw_blocks WHERE id NOT IN (SELECT raw_block FROM alerts)',
    );
    expect(orphans).toEqual([0]);

    expect(cache.facts()).toMatchObject({ alerts: kept.length, lastRetention: run });
    fresh.close();
    cache.close();
  });

  it('keeps every raw block a remaining alert names, with feeds interleaved and times mixed', async () => {
    const file = tempCacheFile();
    const cache = AlertCache.open(file);
    // Three feeds commit by turns, a few records at a time, in an order unlike their times:
    // blocks hold alerts both sides of the cutoff, among other feeds' alerts.
    const alerts = Array.from({ length: 1800 }, (_, i) =>
      makeAlert({
        id: `eve:mix-${i}`,
        feed: FEEDS[Math.floor(i / 7) % FEEDS.length]!,
        observedAt: NOW - 10 * DAY + ((i * 7919) % 1800) * 8 * 60_000,
      }),
    );
    for (let i = 0; i < alerts.length; i += 7) {
      const batch = alerts.slice(i, i + 7);
      cache.commit({ feed: batch[0]!.feed, feedType: 'eve', alerts: batch, quarantine: [] });
    }
    const cutoff = NOW - 5 * DAY;
    await cache.applyRetention({ maxAgeDays: 5 }, { now: NOW, chunk: 97 });

    const kept = alerts.filter((alert) => alert.observedAt >= cutoff);
    expect(cache.facts().alerts).toBe(kept.length);
    for (const alert of kept) expect(cache.getAlert(alert.id)?.raw).toBe(alert.raw);
    const orphans = rows(
      file,
      'SELECT count(*) FROM raw_blocks WHERE id NOT IN (SELECT raw_block FROM alerts)',
    );
    expect(orphans).toEqual([0]);
    // The runs of the emptied minutes went chunk by chunk, none is left before the cutoff.
    const stale = rows(
      file,
      `SELECT count(*) FROM observed_minutes WHERE minute < ${cutoff / 60_000}`,
    );
    expect(stale).toEqual([0]);
    cache.close();
  });

  it('lets later commits go on into the incidents it changed', async () => {
    const cache = AlertCache.open(tempCacheFile());
    const alerts = spreadAlerts(200);
    commitAll(cache, alerts);
    await cache.applyRetention({ maxAgeDays: 5 }, { now: NOW });
    const later = spreadAlerts(230).slice(200);
    commitAll(cache, later);
    const kept = [...alerts.filter((a) => a.observedAt >= NOW - 5 * DAY), ...later];
    expect(alertStats(cache)).toEqual(alertStats(freshCache(kept)));
    for (const incident of cache.incidents({ limit: 1000 })) {
      expect(incident.alerts).toBe(cache.incidentAlerts(incident.id, { limit: 10_000 }).length);
    }
    cache.close();
  });

  it('records nothing when nothing is old enough', async () => {
    const file = tempCacheFile();
    const cache = AlertCache.open(file);
    commitAll(cache, spreadAlerts(50));
    expect(await cache.applyRetention({ maxAgeDays: 30 }, { now: NOW })).toBeUndefined();
    expect(await cache.applyRetention({}, { now: NOW })).toBeUndefined();
    expect(cache.facts().lastRetention).toBeUndefined();
    expect(rows(file, 'SELECT count(*) FROM maintenance_runs')).toEqual([0]);
    cache.close();
  });
});

describe('retention by size', () => {
  it('removes the oldest minutes until the file uses less than the limit', async () => {
    const cache = AlertCache.open(tempCacheFile());
    // Random padding does not deflate away: about 2 MB of pages in use.
    const alerts = spreadAlerts(2000).map((alert, i) => ({
      ...alert,
      raw: `{"id":${i},"pad":"${randomBytes(600).toString('base64')}"}`,
    }));
    commitAll(cache, alerts);
    const before = cache.facts();
    const limitMB = (before.sizeBytes - before.reclaimableBytes) / 2 / (1024 * 1024);

    const run = await cache.applyRetention({ maxSizeMB: limitMB }, { now: NOW, chunk: 50 });

    const after = cache.facts();
    expect(after.sizeBytes - after.reclaimableBytes).toBeLessThanOrEqual(limitMB * 1024 * 1024);
    expect(run).toMatchObject({ reason: 'size', removedQuarantined: 0 });
    // Whole minutes of the oldest alerts went: the cutoff is a minute boundary.
    expect(run!.cutoff % 60_000).toBe(0);
    const kept = alerts.filter((alert) => alert.observedAt >= run!.cutoff);
    expect(run!.removedAlerts).toBe(alerts.length - kept.length);
    expect(kept.length).toBeGreaterThan(0);
    expect(alertStats(cache)).toEqual(alertStats(freshCache(kept)));

    // Compaction gives the freed pages back to the disk.
    const compaction = cache.compact(NOW + 1);
    expect(compaction.freedBytes).toBeGreaterThan(0);
    expect(cache.facts()).toMatchObject({
      reclaimableBytes: 0,
      lastCompaction: compaction,
      lastRetention: run,
    });
    cache.close();
  });
});
