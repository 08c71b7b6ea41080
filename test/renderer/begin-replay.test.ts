import { describe, expect, it } from 'vitest';
import type { LagebildApi, MethodName } from '../../shared/api';
import type { Alert } from '../../shared/model';
import { createAppStore } from '../../renderer/store/app-store';
import { beginReplay, observedSpan } from '../../renderer/time/begin-replay';
import { makeAlert } from './fixtures';

/** An API holding `alerts`, or failing every call when `broken`. */
function apiOf(alerts: Alert[], broken = false): LagebildApi {
  return {
    call: (async (method: MethodName, params: { from?: number; to?: number; after?: number }) => {
      if (broken) return { ok: false, error: { code: 'internal', message: 'PENDING' } };
      const inside = alerts.filter(
        ({ observedAt }) =>
          observedAt > (params.after ?? (params.from ?? 0) - 1) &&
          observedAt <= (params.to ?? Infinity),
      );
      if (method === 'listAlertsBetween') return { ok: true, value: inside.slice(0, 1) };
      return { ok: true, value: inside.reverse().slice(0, 1) };
    }) as LagebildApi['call'],
    on: () => () => undefined,
  };
}

describe('beginning a replay', () => {
  // makeAlert(n) is observed at 1_000_000 + n * 1000.
  const alerts = [makeAlert(10), makeAlert(20), makeAlert(30)];

  it('trims the window to just before its first alert and to its last', async () => {
    const span = await observedSpan(apiOf(alerts), { from: 0, to: 5_000_000 });
    expect(span).toEqual({ from: 1_009_999, to: 1_030_000 });
  });

  it('replays nothing when the window holds no alert', async () => {
    const store = createAppStore();
    const range = { from: 0, to: 1000 };
    expect(await beginReplay(apiOf(alerts), store, range, { speed: 60, loop: true })).toBe(false);
    expect(store.getState().replay).toBeUndefined();
  });

  it('replays the whole window when the server cannot say where its alerts are', async () => {
    const store = createAppStore();
    const range = { from: 5, to: 9000 };
    expect(await beginReplay(apiOf([], true), store, range, { speed: 60, loop: true })).toBe(true);
    expect(store.getState().range).toEqual(range);
    expect(store.getState().replay).toMatchObject({ from: 5, to: 9000, at: 5, speed: 60 });
  });
});
