import { describe, expect, it } from 'vitest';
import { createApiEndpoint, type ApiHandlers } from '../../../main/core/api-endpoint';

const client = { name: 'test', readOnly: false };

function endpoint(overrides: Partial<ApiHandlers> = {}) {
  const handlers = {
    getInfo: () => ({ version: '1', readOnly: false }),
    listRecentAlerts: ({ limit }: { limit: number }) =>
      Array.from({ length: Math.min(limit, 2) }, () => ({}) as never),
    ...overrides,
  } as unknown as ApiHandlers;
  return createApiEndpoint(handlers);
}

describe('API endpoint', () => {
  it('answers valid calls with a result object', async () => {
    expect(await endpoint().call('getInfo', {}, client)).toEqual({
      ok: true,
      value: { version: '1', readOnly: false },
    });
  });

  it('refuses unknown methods, including inherited names', async () => {
    for (const method of ['nope', 'constructor', '__proto__', 42, null]) {
      expect(await endpoint().call(method, {}, client)).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
    }
  });

  it('refuses parameters that do not match the contract', async () => {
    const e = endpoint();
    for (const params of [{ limit: 0 }, { limit: 'all' }, { limit: 5, extra: 1 }, 'x', []]) {
      expect(await e.call('listRecentAlerts', params, client)).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
    }
  });

  it('refuses changes to read-only clients, and to everyone on a read-only cache', async () => {
    let calls = 0;
    const handlers = {
      updateIncident: () => {
        calls += 1;
        return null;
      },
    } as unknown as ApiHandlers;
    const params = { id: 'inc-0123456789', status: 'resolved' };
    const wall = { name: 'wall', readOnly: true };
    expect(await createApiEndpoint(handlers).call('updateIncident', params, wall)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const review = createApiEndpoint(handlers, { readOnly: true });
    expect(await review.call('updateIncident', params, client)).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/read-only/) },
    });
    expect(calls).toBe(0);
    expect(await createApiEndpoint(handlers).call('updateIncident', params, client)).toEqual({
      ok: true,
      value: null,
    });
  });

  it('turns a failing handler into an internal error, not an exception', async () => {
    const failing = endpoint({
      getInfo: () => {
        throw new Error('boom');
      },
    });
    expect(await failing.call('getInfo', {}, client)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('delivers published events to subscribers until they unsubscribe', () => {
    const e = endpoint();
    const seen: unknown[] = [];
    const stop = e.subscribe((event, data) => seen.push([event, data]));
    e.publish('delta', 1);
    stop();
    e.publish('delta', 2);
    expect(seen).toEqual([['delta', 1]]);
  });
});
