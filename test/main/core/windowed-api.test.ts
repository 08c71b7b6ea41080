/**
 * Time travel through the API as a transport calls it: the core on a cache
 * of a real sample and three days of generated alerts, an analyst and a
 * wall screen with a TLP ceiling asking for past windows and replay steps.
 * Nothing above the wall's ceiling may be in any answer it gets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Picture } from '../../../shared/api';
import type { Alert } from '../../../shared/model';
import { tlpRank } from '../../../shared/vocab';
import { WallSchema } from '../../../shared/wall';
import { startCore, type Core } from '../../../main/core/app';
import type { ClientContext } from '../../../main/core/api-types';
import { DAY_MS, SPREAD_START, fillSpreadCache, type Stored } from '../store/spread-alerts';
import { removeTempFiles, tempCacheFile } from '../store/helpers';

const HOUR_MS = 3600_000;
const MINUTE_MS = 60_000;

const analyst: ClientContext = { name: 'analyst', readOnly: false };
const wall: ClientContext = {
  name: 'lobby',
  readOnly: true,
  wall: WallSchema.parse({ name: 'lobby', tlpCeiling: 'green', anonymise: true }),
};
const GREEN = tlpRank('green');

let core: Core;
let stored: Stored[];

beforeAll(async () => {
  const cachePath = tempCacheFile();
  stored = await fillSpreadCache(cachePath, 3000);
  core = await startCore({ cachePath });
}, 60_000);

afterAll(async () => {
  await core?.close();
  removeTempFiles();
});

async function call<T>(method: string, params: unknown, client: ClientContext): Promise<T> {
  const result = await core.endpoint.call(method, params, client);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const window = { from: SPREAD_START + DAY_MS, to: SPREAD_START + DAY_MS + 8 * HOUR_MS };
const observedIn = (from: number, to: number) =>
  stored.filter((a) => a.observedAt >= from && a.observedAt <= to);

describe('windowed answers for an analyst', () => {
  it('give the picture of the window with its range, and the live one without', async () => {
    const picture = await call<Picture>('getPicture', window, analyst);
    expect(picture.range).toEqual(window);
    expect(picture.withheld).toBe(0);
    expect(picture.stats.alerts).toBeGreaterThan(0);
    expect(picture.stats.alerts).toBeLessThan(stored.length);
    expect(picture.arcs.length).toBeGreaterThan(0);
    expect(picture.cache.state).toBe('ok');
    const live = await call<Picture>('getPicture', {}, analyst);
    expect(live.range).toBeUndefined();
    expect(live.stats.alerts).toBeGreaterThan(picture.stats.alerts);
  });

  it('fill in a missing end: from the oldest alert, up to now', async () => {
    const until = await call<Picture>('getPicture', { to: window.to }, analyst);
    expect(until.range?.to).toBe(window.to);
    expect(until.range!.from).toBeLessThanOrEqual(SPREAD_START);
    const since = await call<Picture>('getPicture', { from: window.from }, analyst);
    expect(since.range?.to).toBeGreaterThanOrEqual(Date.now() - 60_000);
  });

  it('list the newest alerts observed in the window, of every TLP', async () => {
    const alerts = await call<Alert[]>('listRecentAlerts', { limit: 1000, ...window }, analyst);
    const expected = observedIn(window.from, window.to);
    expect(alerts).toHaveLength(Math.min(1000, expected.length));
    expect(new Set(alerts.map((a) => a.tlp))).toContain('red');
    expect(alerts.every((a) => a.observedAt >= window.from && a.observedAt <= window.to)).toBe(
      true,
    );
  });

  it('refuse a window that ends before it starts, and too large a step', async () => {
    const backwards = { from: window.to, to: window.from };
    for (const [method, params] of [
      ['getPicture', backwards],
      ['listRecentAlerts', { limit: 5, ...backwards }],
      ['listAlertsBetween', { after: 0, until: 1, limit: 5001 }],
    ] as const) {
      expect(await core.endpoint.call(method, params, analyst)).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
    }
  });
});

describe('windowed answers for a wall with a TLP ceiling', () => {
  it('hold the picture of a window to the ceiling and count what it withholds', async () => {
    const picture = await call<Picture>('getPicture', window, wall);
    const analystPicture = await call<Picture>('getPicture', window, analyst);
    expect(picture.range).toEqual(window);
    expect(Object.keys(picture.stats.byTlp).sort()).toEqual(['clear', 'green']);
    expect(picture.withheld).toBe(analystPicture.stats.alerts - picture.stats.alerts);
    expect(picture.withheld).toBeGreaterThan(0);
    expect(picture.stats.quarantined).toBe(0);
    const arcAlerts = picture.arcs.reduce((sum, arc) => sum + arc.count, 0);
    expect(arcAlerts).toBeGreaterThan(0);
    expect(arcAlerts).toBeLessThanOrEqual(picture.stats.alerts);
    for (const feed of picture.feeds) expect(feed.errorCount).toBe(0);
  });

  it('list no alert above the ceiling, in a window or a replay step', async () => {
    const listed = await call<Alert[]>('listRecentAlerts', { limit: 1000, ...window }, wall);
    expect(listed.length).toBeGreaterThan(0);
    const steps: Alert[] = [];
    for (let after = window.from; after < window.from + HOUR_MS; after += MINUTE_MS) {
      const params = { after, until: after + MINUTE_MS, limit: 5000 };
      steps.push(...(await call<Alert[]>('listAlertsBetween', params, wall)));
    }
    const expected = observedIn(window.from + 1, window.from + HOUR_MS).filter(
      (a) => tlpRank(a.tlp) <= GREEN,
    );
    expect(steps.map((a) => a.id).sort()).toEqual(expected.map((a) => a.id).sort());
    for (const alert of [...listed, ...steps]) {
      expect(tlpRank(alert.tlp)).toBeLessThanOrEqual(GREEN);
      expect(alert.incidentId).toBeUndefined();
      // The wall anonymises: a source address reads as its network.
      if (alert.source?.ip) expect(alert.source.ip).toMatch(/\/(24|48)$|^hidden$/);
    }
  });

  it('say nothing of a window whose alerts are all above the ceiling', async () => {
    const red = stored.find((a) => a.tlp === 'red')!;
    const only = { from: red.observedAt, to: red.observedAt };
    const clash = observedIn(only.from, only.to).filter((a) => tlpRank(a.tlp) <= GREEN);
    expect(clash).toEqual([]);
    expect(await call<Alert[]>('listRecentAlerts', { limit: 10, ...only }, wall)).toEqual([]);
    const step = { after: only.from - 1, until: only.to, limit: 10 };
    expect(await call<Alert[]>('listAlertsBetween', step, wall)).toEqual([]);
    const picture = await call<Picture>('getPicture', only, wall);
    expect(picture.arcs).toEqual([]);
  });
});
