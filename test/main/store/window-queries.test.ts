/**
 * Time travel in the store: the alerts observed in a window (newest first),
 * a replay's steps (oldest first, each alert once), the statistics, arcs
 * and incidents of a window, all checked against the alerts as they were
 * stored; and a cache of schema 4 gaining the index it needs.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tlpRank, type Tlp } from '../../../shared/vocab';
import { AlertCache } from '../../../main/store/alert-cache';
import { migrate } from '../../../main/store/migrate';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../main/store/migrations';
import { makeAlert, removeTempFiles, tempCacheFile } from './helpers';
import { DAY_MS, SPREAD_START, fillSpreadCache, type Stored } from './spread-alerts';

const HOUR_MS = 3600_000;
const MINUTE_MS = 60_000;

let file: string;
let stored: Stored[];
let cache: AlertCache;

beforeAll(async () => {
  file = tempCacheFile();
  stored = await fillSpreadCache(file);
  cache = AlertCache.open(file);
}, 60_000);

afterAll(() => {
  cache?.close();
  removeTempFiles();
});

const below = (ceiling: Tlp | undefined) => (alert: Stored) =>
  ceiling === undefined || tlpRank(alert.tlp) <= tlpRank(ceiling);

/** The stored alerts observed in [from, to], newest first (latest arrival first on a tie). */
function expectedObserved(from: number, to: number, ceiling?: Tlp): Stored[] {
  return stored
    .filter((a) => a.observedAt >= from && a.observedAt <= to)
    .filter(below(ceiling))
    .sort((a, b) => b.observedAt - a.observedAt || b.arrival - a.arrival);
}

const ids = (alerts: readonly { id: string }[]) => alerts.map((alert) => alert.id);

describe('alerts observed in a window', () => {
  it('are the newest of the window by observed time, not by arrival', () => {
    const window = { from: SPREAD_START + DAY_MS, to: SPREAD_START + DAY_MS + 6 * HOUR_MS };
    const expected = expectedObserved(window.from, window.to);
    expect(expected.length).toBeGreaterThan(100);
    expect(ids(cache.alertsObserved(window, 100))).toEqual(ids(expected.slice(0, 100)));
    // The newest by arrival are elsewhere: time travel must not answer with them.
    expect(ids(cache.recentAlerts(100))).not.toEqual(ids(expected.slice(0, 100)));
  });

  it('leave out what is above a ceiling', () => {
    const window = { from: SPREAD_START, to: SPREAD_START + 2 * DAY_MS };
    const answer = cache.alertsObserved(window, 500, 'green');
    expect(ids(answer)).toEqual(
      ids(expectedObserved(window.from, window.to, 'green').slice(0, 500)),
    );
    expect(answer.every((alert) => tlpRank(alert.tlp) <= tlpRank('green'))).toBe(true);
  });

  it('include both ends of the window to the millisecond', () => {
    const target = stored[1234]!;
    const exact = { from: target.observedAt, to: target.observedAt };
    expect(ids(cache.alertsObserved(exact, 10))).toContain(target.id);
    const before = { from: target.observedAt - 1000, to: target.observedAt - 1 };
    expect(ids(cache.alertsObserved(before, 1000))).not.toContain(target.id);
  });

  it('are none for a window with nothing in it', () => {
    const empty = { from: SPREAD_START - 10 * DAY_MS, to: SPREAD_START - 9 * DAY_MS };
    expect(cache.alertsObserved(empty, 10)).toEqual([]);
  });
});

describe('a replay', () => {
  it('steps through a window minute by minute, every alert once, oldest first', () => {
    const from = SPREAD_START + DAY_MS + 7 * MINUTE_MS + 123;
    const until = from + 3 * HOUR_MS;
    const seen: string[] = [];
    let previous = -Infinity;
    for (let after = from; after < until; after += MINUTE_MS) {
      const step = cache.alertsBetween({ after, until: after + MINUTE_MS }, 5000);
      for (const alert of step) {
        expect(alert.observedAt).toBeGreaterThan(after);
        expect(alert.observedAt).toBeLessThanOrEqual(after + MINUTE_MS);
        expect(alert.observedAt).toBeGreaterThanOrEqual(previous);
        previous = alert.observedAt;
      }
      seen.push(...ids(step));
    }
    const expected = expectedObserved(from + 1, until).reverse();
    expect(seen.sort()).toEqual(ids(expected).sort());
  });

  it('gives the oldest of a step first when the step holds more than its limit', () => {
    const step = { after: SPREAD_START, until: SPREAD_START + DAY_MS };
    const expected = expectedObserved(step.after + 1, step.until).reverse();
    const answer = cache.alertsBetween(step, 50);
    expect(answer.map((a) => a.observedAt)).toEqual(expected.slice(0, 50).map((a) => a.observedAt));
  });

  it('holds to a ceiling and answers nothing for a step that goes backwards', () => {
    const step = { after: SPREAD_START + DAY_MS, until: SPREAD_START + DAY_MS + HOUR_MS };
    const answer = cache.alertsBetween(step, 5000, 'clear');
    expect(ids(answer).sort()).toEqual(
      ids(expectedObserved(step.after + 1, step.until, 'clear')).sort(),
    );
    expect(cache.alertsBetween({ after: step.until, until: step.after }, 10)).toEqual([]);
  });
});

describe('the statistics of a window', () => {
  /** The stored alerts in the whole minutes that [from, to] touches. */
  const inMinutes = (from: number, to: number) =>
    stored.filter(
      (a) =>
        Math.floor(a.observedAt / MINUTE_MS) >= Math.floor(from / MINUTE_MS) &&
        Math.floor(a.observedAt / MINUTE_MS) <= Math.floor(to / MINUTE_MS),
    );

  it('count the alerts of the minutes it touches, by TLP, sector and feed', () => {
    const window = {
      from: SPREAD_START + DAY_MS + 30_000,
      to: SPREAD_START + DAY_MS + 5 * HOUR_MS,
    };
    const expected = inMinutes(window.from, window.to);
    const stats = cache.windowStats(window);
    expect(stats.alerts).toBe(expected.length);
    expect(stats.byFeed).toEqual({ generated: expected.length });
    for (const tlp of ['clear', 'green', 'amber', 'amber+strict', 'red'] as const) {
      expect(stats.byTlp[tlp] ?? 0, tlp).toBe(expected.filter((a) => a.tlp === tlp).length);
    }
    expect(stats.bySector.energy).toBe(expected.filter((a) => a.sectors.includes('energy')).length);
    expect(stats.byTargetCountry).toEqual({ DE: expected.length });
    expect(cache.windowAlertCount(window)).toBe(expected.length);
  });

  it('count only what a ceiling lets through', () => {
    const window = { from: SPREAD_START + 2 * HOUR_MS, to: SPREAD_START + 30 * HOUR_MS };
    const expected = inMinutes(window.from, window.to).filter(below('green'));
    expect(cache.windowStats(window, 'green').alerts).toBe(expected.length);
    expect(cache.windowAlertCount(window, 'green')).toBe(expected.length);
    expect(Object.keys(cache.windowStats(window, 'green').byTlp).sort()).toEqual([
      'clear',
      'green',
    ]);
  });

  it('are the whole cache’s for a window that holds all of it', () => {
    const all = { from: Date.UTC(2000, 0, 1), to: SPREAD_START + 10 * DAY_MS };
    expect(cache.windowStats(all)).toEqual(cache.stats());
    expect(cache.windowStats(all, 'green')).toEqual(cache.stats('green'));
  });

  it('count the incidents active in the window, whether it seeks or scans for them', () => {
    // The last hour seeks on the index; from 55 hours on it passes more
    // than a tenth of the incidents and scans the table instead.
    for (const window of [
      { from: SPREAD_START + 71 * HOUR_MS, to: SPREAD_START + 72 * HOUR_MS },
      { from: SPREAD_START + 55 * HOUR_MS, to: SPREAD_START + 64 * HOUR_MS },
    ]) {
      const active = cache.incidents({ ...window, limit: 1000 });
      expect(active.length).toBeGreaterThan(0);
      expect(active.length).toBeLessThan(1000);
      const stats = cache.windowStats(window);
      expect(stats.incidents).toBe(active.length);
      expect(stats.byStatus).toEqual({ new: active.length });
    }
  });
});

describe('the arcs of a window', () => {
  it('are drawn from the placed alerts of the window', () => {
    const window = { from: SPREAD_START + DAY_MS, to: SPREAD_START + DAY_MS + 2 * HOUR_MS };
    const placed = expectedObserved(window.from, window.to).filter(
      (a) => a.source?.lat !== undefined && a.source.lon !== undefined,
    );
    expect(placed.length).toBeGreaterThan(0);
    const arcs = cache.windowArcs(window, 5000);
    expect(arcs.reduce((sum, arc) => sum + arc.count, 0)).toBe(placed.length);
    for (const arc of arcs) {
      expect(arc.to).toEqual([13.4, 52.5]);
      expect(arc.lastSeen).toBeGreaterThanOrEqual(window.from);
      expect(arc.lastSeen).toBeLessThanOrEqual(window.to);
    }
    const wall = cache.windowArcs(window, 5000, 'clear');
    const visible = placed.filter(below('clear')).length;
    expect(wall.reduce((sum, arc) => sum + arc.count, 0)).toBe(visible);
  });
});

describe('migration 005', () => {
  it('maps every minute to runs of seq that hold all its alerts', () => {
    expect(alertsOutsideTheirRuns(file)).toBe(0);
    const db = new Database(file, { readonly: true });
    const runs = db.prepare('SELECT count(*) FROM observed_minutes').pluck().get() as number;
    const minutes = db
      .prepare('SELECT count(DISTINCT minute) FROM alert_counts_minute')
      .pluck()
      .get() as number;
    db.close();
    // About a run a minute: alerts arrive mostly in the order they were observed.
    expect(runs).toBeLessThanOrEqual(minutes * 1.1);
  });

  it('brings a cache of schema 4 with alerts in it to the current schema', () => {
    const old = tempCacheFile();
    AlertCache.open(old).close();
    const db = new Database(old);
    // A schema-4 cache: the first four migrations, and the alerts copied in from the full one.
    for (const name of tablesOf(db)) db.exec(`DROP TABLE ${name}`);
    for (const name of viewsOf(db)) db.exec(`DROP VIEW ${name}`);
    db.pragma('user_version = 0');
    migrate(db, old, MIGRATIONS.slice(0, 4));
    db.exec(`ATTACH '${file}' AS full`);
    for (const name of tablesOf(db)) db.exec(`INSERT INTO main.${name} SELECT * FROM full.${name}`);
    db.exec('DETACH full');
    expect(tablesOf(db)).not.toContain('observed_minutes');
    db.close();

    const migrated = AlertCache.open(old);
    try {
      const window = { from: SPREAD_START + DAY_MS, to: SPREAD_START + DAY_MS + HOUR_MS };
      expect(ids(migrated.alertsObserved(window, 1000))).toEqual(
        ids(expectedObserved(window.from, window.to)),
      );
      expect(migrated.windowStats(window)).toEqual(cache.windowStats(window));
    } finally {
      migrated.close();
    }
    const after = new Database(old, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    after.close();
    expect(alertsOutsideTheirRuns(old)).toBe(0);
  });

  it('finds a minute whose alerts arrived in runs far apart', () => {
    const mixed = AlertCache.open(tempCacheFile());
    try {
      const minute = Date.UTC(2025, 0, 1, 12, 0, 0);
      const commit = (prefix: string, times: number[]) =>
        mixed.commit({
          feed: 'sensor-a',
          feedType: 'file-import',
          alerts: times.map((observedAt, i) => makeAlert({ id: `eve:${prefix}-${i}`, observedAt })),
          quarantine: [],
        });
      // Live alerts of one minute, then an import of 1500 older records, then more live ones.
      commit('live-1', [minute + 1000, minute + 2000]);
      commit(
        'import',
        Array.from({ length: 1500 }, (_, i) => minute - DAY_MS + i * 1000),
      );
      commit('live-2', [minute + 3000, minute + 59_999]);
      const db = new Database(mixed.file, { readonly: true });
      const runs = db
        .prepare('SELECT count(*) FROM observed_minutes WHERE minute = ?')
        .pluck()
        .get(minute / MINUTE_MS);
      db.close();
      expect(runs).toBe(2);
      const observed = mixed.alertsObserved({ from: minute, to: minute + MINUTE_MS }, 10);
      expect(observed.map((alert) => alert.id)).toEqual([
        'eve:live-2-1',
        'eve:live-2-0',
        'eve:live-1-1',
        'eve:live-1-0',
      ]);
      const step = mixed.alertsBetween({ after: minute - DAY_MS, until: minute + 2000 }, 5000);
      expect(step).toHaveLength(1499 + 2);
    } finally {
      mixed.close();
    }
  });

  it('finds alerts whose seq was used before, once retention emptied the cache', () => {
    const file = tempCacheFile();
    const reused = AlertCache.open(file);
    try {
      const minute = Date.UTC(2025, 0, 1, 12, 0, 0);
      const commit = (prefix: string, times: number[]) =>
        reused.commit({
          feed: 'sensor-a',
          feedType: 'file-import',
          alerts: times.map((observedAt, i) => makeAlert({ id: `eve:${prefix}-${i}`, observedAt })),
          quarantine: [],
        });
      commit('before', [minute - HOUR_MS, minute - HOUR_MS, minute + 1, minute + 2]);
      // Every alert gone: SQLite hands out seq 1 again, below the minute's stale run.
      const db = new Database(file);
      db.exec('DELETE FROM alerts');
      db.close();
      commit('after', [minute + 3]);
      const observed = reused.alertsObserved({ from: minute, to: minute + MINUTE_MS }, 10);
      expect(observed.map((alert) => alert.id)).toEqual(['eve:after-0']);
    } finally {
      reused.close();
    }
  });

  it('answers a few alerts from a minute that holds 50 000 of them, exactly', () => {
    const crowded = AlertCache.open(tempCacheFile());
    try {
      const minute = Date.UTC(2025, 0, 1, 12, 0, 0);
      // A bulk import without times: all in one minute, arrival order unlike observed order.
      const times = Array.from({ length: 50_000 }, (_, i) => minute + ((i * 7919) % 60_000));
      for (let i = 0; i < times.length; i += 10_000) {
        crowded.commit({
          feed: 'sensor-a',
          feedType: 'file-import',
          alerts: times
            .slice(i, i + 10_000)
            .map((observedAt, j) => makeAlert({ id: `eve:bulk-${i + j}`, observedAt })),
          quarantine: [],
        });
      }
      const order = times.map((observedAt, arrival) => ({ observedAt, arrival }));
      const newest = [...order].sort(
        (a, b) => b.observedAt - a.observedAt || b.arrival - a.arrival,
      );
      const oldest = [...order].sort(
        (a, b) => a.observedAt - b.observedAt || a.arrival - b.arrival,
      );
      const name = (entry: { arrival: number }) => `eve:bulk-${entry.arrival}`;

      const observed = crowded.alertsObserved({ from: minute, to: minute + MINUTE_MS }, 10);
      expect(ids(observed)).toEqual(newest.slice(0, 10).map(name));
      const step = crowded.alertsBetween({ after: minute - 1, until: minute + MINUTE_MS }, 10);
      expect(ids(step)).toEqual(oldest.slice(0, 10).map(name));
    } finally {
      crowded.close();
    }
  }, 60_000);

  it('keeps alerts observed before 1970 in their window', () => {
    const early = AlertCache.open(tempCacheFile());
    try {
      const times = [-61_500, -1500, -1000, -999, -1, 0, 999, 1500];
      early.commit({
        feed: 'sensor-a',
        feedType: 'file-import',
        alerts: times.map((observedAt, i) => makeAlert({ id: `eve:early-${i}`, observedAt })),
        quarantine: [],
      });
      const observed = (from: number, to: number) =>
        early.alertsObserved({ from, to }, 100).map((alert) => alert.observedAt);
      expect(observed(-1500, -1000)).toEqual([-1000, -1500]);
      expect(observed(-61_500, -1)).toEqual([-1, -999, -1000, -1500, -61_500]);
      const step = early.alertsBetween({ after: -1500, until: 999 }, 100);
      expect(step.map((alert) => alert.observedAt)).toEqual([-1000, -999, -1, 0, 999]);
    } finally {
      early.close();
    }
  });
});

function namesOf(db: Database.Database, type: string): string[] {
  const sql = "SELECT name FROM sqlite_schema WHERE type = ? AND name NOT LIKE 'sqlite_%'";
  return db.prepare(sql).pluck().all(type) as string[];
}
const tablesOf = (db: Database.Database) => namesOf(db, 'table');
const viewsOf = (db: Database.Database) => namesOf(db, 'view');

/** How many alerts of the cache at `path` lie in no run of their minute. */
function alertsOutsideTheirRuns(path: string): number {
  const db = new Database(path, { readonly: true });
  const outside = db
    .prepare(
      `SELECT count(*) FROM alerts a WHERE NOT EXISTS (
         SELECT 1 FROM observed_minutes m
         WHERE m.minute = CAST(floor(a.observed_at / 60000.0) AS INTEGER)
           AND a.seq BETWEEN m.first_seq AND m.last_seq)`,
    )
    .pluck()
    .get() as number;
  db.close();
  return outside;
}
