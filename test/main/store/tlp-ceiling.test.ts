/**
 * What a wall with a TLP ceiling is given by the store: statistics, arcs,
 * the newest alerts and the sector view count only what it may show; and
 * migration 004's rebuild of the sector rollups agrees with the commit's.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/model';
import { AlertCache } from '../../../main/store/alert-cache';
import { MIGRATIONS } from '../../../main/store/migrations';
import { makeAlert, removeTempFiles, tempCacheFile } from './helpers';

afterEach(removeTempFiles);

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const MINUTE = 60_000;
const placed = {
  source: { ip: '198.51.100.7', country: 'US', lat: 39.8, lon: -98.6 },
  destination: { ip: '10.16.0.5', country: 'DE', lat: 50.1, lon: 8.7, site: 'HQ' },
};

function filled(file = tempCacheFile()): AlertCache {
  const cache = AlertCache.open(file);
  const alerts: (Alert & { raw: string })[] = [
    makeAlert({ id: 'eve:tlp-0001', tlp: 'clear', sectors: ['energy'], observedAt: T0, ...placed }),
    makeAlert({
      id: 'eve:tlp-0002',
      tlp: 'green',
      sectors: ['energy', 'utilities'],
      observedAt: T0 + MINUTE,
      ...placed,
    }),
    makeAlert({
      id: 'eve:tlp-0003',
      tlp: 'amber',
      sectors: ['energy'],
      observedAt: T0 + 2 * MINUTE,
      severity: 'high',
      ...placed,
    }),
    makeAlert({
      id: 'eve:tlp-0004',
      tlp: 'red',
      sectors: [],
      observedAt: T0 + 3 * MINUTE,
      severity: 'critical',
      ...placed,
    }),
  ];
  cache.commit({ feed: 'sensor-a', feedType: 'eve', alerts, quarantine: [] });
  return cache;
}

describe('a TLP ceiling in the store', () => {
  it('counts, draws and lists only what is marked at most the ceiling', () => {
    const cache = filled();
    expect(cache.stats().alerts).toBe(4);
    const green = cache.stats('green');
    expect(green.alerts).toBe(2);
    expect(green.byTlp).toEqual({ clear: 1, green: 1 });
    expect(green.bySector).toEqual({ energy: 2, utilities: 1 });
    expect(cache.stats('amber').bySeverity).toEqual({ medium: 2, high: 1 });
    // One incident (one rule, target and source), marked as its most restrictive alert: red.
    expect(cache.stats()).toMatchObject({ incidents: 1, byStatus: { new: 1 } });
    expect(cache.stats('green')).toMatchObject({ incidents: 0, byStatus: {} });
    expect(cache.arcs(10, 'green').map((arc) => arc.count)).toEqual([2]);
    expect(cache.arcs(10).map((arc) => arc.count)).toEqual([4]);
    expect(cache.recentAlerts(10, 'green').map((alert) => alert.id)).toEqual([
      'eve:tlp-0002',
      'eve:tlp-0001',
    ]);
    cache.close();
  });

  it('gives every sector with counts by severity and a sparkline over the window', () => {
    const cache = filled();
    const window = { from: T0, to: T0 + 4 * MINUTE - 1, buckets: 4 };
    const all = cache.sectors(window);
    expect(all.sectors).toHaveLength(35);
    const energy = all.sectors.find((summary) => summary.sector === 'energy');
    expect(energy).toEqual({
      sector: 'energy',
      total: 3,
      bySeverity: { medium: 2, high: 1 },
      sparkline: [1, 1, 1, 0],
    });
    expect(all.sectors.find((summary) => summary.sector === 'unknown')).toMatchObject({
      total: 1,
      sparkline: [0, 0, 0, 1],
    });
    // "All time" starts at the oldest alert counted.
    expect(cache.firstObserved()).toBe(T0);
    const green = cache.sectors(window, 'green');
    expect(green.sectors.find((summary) => summary.sector === 'energy')?.total).toBe(2);
    expect(green.sectors.find((summary) => summary.sector === 'unknown')?.total).toBe(0);
    cache.close();
  });

  it('rebuilds the sector rollups from the alerts as the commit counted them (migration 004)', () => {
    const file = tempCacheFile();
    filled(file).close();
    const db = new Database(file);
    const rows = (table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3, 4`).all();
    const before = [rows('sector_counts_minute'), rows('sector_counts_total')];
    const migration = MIGRATIONS.find((step) => step.version === 4);
    db.transaction(() => migration?.up(db))();
    expect([rows('sector_counts_minute'), rows('sector_counts_total')]).toEqual(before);
    expect(before[1]).toContainEqual({ sector: '', severity: 4, tlp: 4, n: 1 });
    db.close();
  });

  it('counts an alert once per sector in the rebuild, even one its record listed twice', () => {
    const file = tempCacheFile();
    const cache = AlertCache.open(file);
    const twice = makeAlert({ id: 'eve:tlp-0009', sectors: ['energy', 'energy'], observedAt: T0 });
    cache.commit({ feed: 'sensor-a', feedType: 'eve', alerts: [twice], quarantine: [] });
    cache.close();
    const db = new Database(file);
    db.transaction(() => MIGRATIONS.find((step) => step.version === 4)?.up(db))();
    expect(db.prepare('SELECT sector, n FROM sector_counts_total').all()).toEqual([
      { sector: 'energy', n: 1 },
    ]);
    db.close();
  });
});
