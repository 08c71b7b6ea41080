import { describe, expect, it, vi } from 'vitest';
import type { EventOf, LagebildApi, MethodName } from '../../shared/api';
import { createAppStore } from '../../renderer/store/app-store';
import { startSync } from '../../renderer/store/sync';
import { makeAlert, makePicture } from './fixtures';

/** An API that answers from fixed data and lets the test push deltas. */
function fakeApi() {
  let push: ((data: EventOf<'delta'>) => void) | undefined;
  const calls: MethodName[] = [];
  const api: LagebildApi = {
    call: (async (method: MethodName) => {
      calls.push(method);
      if (method === 'getPicture') return { ok: true, value: makePicture(100, 3) };
      if (method === 'listRecentAlerts') return { ok: true, value: [makeAlert(1), makeAlert(2)] };
      return { ok: true, value: null };
    }) as LagebildApi['call'],
    on: ((_event: 'delta', handler: (data: EventOf<'delta'>) => void) => {
      push = handler;
      return () => undefined;
    }) as LagebildApi['on'],
  };
  return { api, calls, push: (data: EventOf<'delta'>) => push?.(data) };
}

describe('sync', () => {
  it('seeds once the link is open, and again after each reconnection', async () => {
    const store = createAppStore();
    const { api, calls } = fakeApi();
    startSync(api, store);
    expect(calls).toEqual([]);

    store.getState().setConnection({ transport: 'websocket', state: 'open' });
    await vi.waitFor(() => expect(store.getState().alerts).toHaveLength(2));
    expect(store.getState().stats.alerts).toBe(3);

    store.getState().setConnection({ transport: 'websocket', state: 'waiting', retryAt: 1 });
    store.getState().setConnection({ transport: 'websocket', state: 'open' });
    expect(calls.filter((method) => method === 'getPicture')).toHaveLength(2);
  });

  it('applies deltas: the picture, and the added alerts as arrivals', () => {
    const store = createAppStore();
    const { api, push } = fakeApi();
    startSync(api, store);
    push({ added: [makeAlert(9)], picture: makePicture(200, 4) });
    expect(store.getState().stats.alerts).toBe(4);
    expect(store.getState().alerts[0]?.title).toBe('Alert 9');
    expect(store.getState().arrivedAt[makeAlert(9).id]).toBeTypeOf('number');
  });
});
