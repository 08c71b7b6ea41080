import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventOf, LagebildApi, MethodName } from '../../shared/api';
import { createAppStore } from '../../renderer/store/app-store';
import { startSync } from '../../renderer/store/sync';
import { REPLAY_PICTURE_MS } from '../../renderer/time/replay-steps';
import { makeAlert, makePicture } from './fixtures';

interface Call {
  method: MethodName;
  params: Record<string, number | undefined>;
}

/** An API whose picture counts the alerts of makeAlert(1..20) inside the asked window. */
function fakeApi() {
  const alerts = Array.from({ length: 20 }, (_, i) => makeAlert(i + 1));
  const inside = (from = -Infinity, to = Infinity) =>
    alerts.filter((alert) => alert.observedAt >= from && alert.observedAt <= to);
  let push: ((data: EventOf<'delta'>) => void) | undefined;
  let generated = 0;
  const calls: Call[] = [];
  const api: LagebildApi = {
    call: (async (method: MethodName, params: Call['params']) => {
      calls.push({ method, params });
      generated += 1;
      if (method === 'getPicture') {
        const picture = makePicture(generated, inside(params.from, params.to).length);
        return { ok: true, value: { ...picture, feeds: [] } };
      }
      if (method === 'listRecentAlerts')
        return { ok: true, value: inside(params.from, params.to).reverse().slice(0, params.limit) };
      if (method === 'listAlertsBetween') {
        const between = alerts.filter(
          ({ observedAt }) => observedAt > params.after! && observedAt <= params.until!,
        );
        return { ok: true, value: between.slice(0, params.limit) };
      }
      return { ok: true, value: null };
    }) as LagebildApi['call'],
    on: ((_event: 'delta', handler: (data: EventOf<'delta'>) => void) => {
      push = handler;
      return () => undefined;
    }) as LagebildApi['on'],
  };
  return { api, calls, push: (data: EventOf<'delta'>) => push?.(data) };
}

function started() {
  const store = createAppStore();
  const fake = fakeApi();
  startSync(fake.api, store);
  store.getState().setConnection({ transport: 'ipc', state: 'open' });
  return { store, ...fake };
}

const lastCall = (calls: Call[], method: MethodName) =>
  calls.filter((call) => call.method === method).at(-1)?.params;

afterEach(() => {
  vi.useRealTimers();
});

describe('following the time shown', () => {
  it('shows a past window, and live deltas then change only the feeds', async () => {
    const { store, calls, push } = started();
    // makeAlert(n) is observed at 1_000_000 + n * 1000: alerts 1 to 5.
    store.getState().setRange({ from: 1_001_000, to: 1_005_000 });
    await vi.waitFor(() => expect(store.getState().stats.alerts).toBe(5));
    expect(lastCall(calls, 'getPicture')).toEqual({ from: 1_001_000, to: 1_005_000 });
    expect(store.getState().alerts.map((alert) => alert.title)[0]).toBe('Alert 5');

    const live = makePicture(999_999, 1000);
    const feed = { ...live, feeds: [{ id: 'f', type: 'nats', state: 'down' as const }] };
    push({ added: [makeAlert(99)], picture: feed as typeof live });
    expect(store.getState().stats.alerts).toBe(5);
    expect(store.getState().alerts).toHaveLength(5);
    expect(store.getState().feeds.map(({ id }) => id)).toEqual(['f']);
  });

  it('goes back to the live picture', async () => {
    const { store, calls } = started();
    store.getState().setRange({ from: 1_001_000, to: 1_002_000 });
    await vi.waitFor(() => expect(store.getState().stats.alerts).toBe(2));
    store.getState().setRange(undefined);
    await vi.waitFor(() => expect(store.getState().stats.alerts).toBe(20));
    expect(lastCall(calls, 'getPicture')).toEqual({});
  });

  it('replays step by step: new alerts pulse at once, the counts every few seconds', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { store, calls } = started();
    const range = { from: 1_000_000, to: 1_100_000 };
    const pictures = () => calls.filter((call) => call.method === 'getPicture').length;
    store.getState().setRange(range);
    store.getState().startReplay({ ...range, speed: 4, loop: false });
    await vi.waitFor(() =>
      expect(lastCall(calls, 'getPicture')).toEqual({ ...range, to: 1_000_000 }),
    );
    await vi.waitFor(() => expect(store.getState().stats.alerts).toBe(0));
    const afterStart = pictures();

    // 500 ms of real time at 4x is 2 s replayed: alerts 1 and 2 pulse.
    vi.advanceTimersByTime(500);
    await vi.waitFor(() => expect(Object.keys(store.getState().arrivedAt)).toHaveLength(2));
    expect(lastCall(calls, 'listAlertsBetween')).toMatchObject({
      after: 1_000_000,
      until: 1_002_000,
    });
    // The counts wait for the next picture, REPLAY_PICTURE_MS of real time on.
    expect(pictures()).toBe(afterStart);
    expect(store.getState().stats.alerts).toBe(0);

    vi.advanceTimersByTime(REPLAY_PICTURE_MS - 500);
    await vi.waitFor(() => expect(store.getState().stats.alerts).toBe(12));
    expect(pictures()).toBe(afterStart + 1);
    expect(Object.keys(store.getState().arrivedAt)).toHaveLength(12);

    // Paused, the picture catches up with the clock at once.
    vi.advanceTimersByTime(500);
    await vi.waitFor(() => expect(Object.keys(store.getState().arrivedAt)).toHaveLength(14));
    store.getState().setPlaying(false);
    await vi.waitFor(() => expect(store.getState().stats.alerts).toBe(14));
    vi.advanceTimersByTime(5000);
    expect(store.getState().replay?.at).toBe(1_014_000);
    // A step by hand shows its counts at once too.
    store.getState().advanceReplay(60_000);
    await vi.waitFor(() => expect(store.getState().stats.alerts).toBe(20));

    // A scrub back fetches the picture at that time anew: nothing pulses for it.
    store.getState().seekReplay(1_010_000);
    await vi.waitFor(() => expect(store.getState().stats.alerts).toBe(10));
    expect(store.getState().arrivedAt).toEqual({});
  });
});
