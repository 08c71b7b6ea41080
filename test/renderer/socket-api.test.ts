import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionStatus } from '../../renderer/api/connection-status';
import { createSocketApi } from '../../renderer/api/socket-api';
import { FakeSocket } from './fake-socket';
import { makeAlert, makePicture } from './fixtures';

function setup(timeoutMs = 1000) {
  const sockets: FakeSocket[] = [];
  const statuses: ConnectionStatus[] = [];
  const api = createSocketApi({
    url: 'ws://host/api',
    onStatus: (status) => statuses.push(status),
    timeoutMs,
    random: () => 1,
    openSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
  });
  const current = () => sockets.at(-1) as FakeSocket;
  return { api, sockets, statuses, current };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('socket api', () => {
  it('sends calls made before the link opens once it does, and matches answers by id', async () => {
    const { api, current, statuses } = setup();
    const info = api.call('getInfo', {});
    const picture = api.call('getPicture', {});
    expect(current().sent).toEqual([]);
    current().emit('open');
    expect(statuses.at(-1)).toEqual({ transport: 'websocket', state: 'open' });
    expect(current().sent).toEqual([
      { id: 1, method: 'getInfo', params: {} },
      { id: 2, method: 'getPicture', params: {} },
    ]);
    current().emit('message', { id: 2, result: { ok: true, value: makePicture(5) } });
    current().emit('message', {
      id: 1,
      result: { ok: true, value: { version: '1', readOnly: true, notifyFrom: 'critical' } },
    });
    expect(await info).toEqual({
      ok: true,
      value: { version: '1', readOnly: true, notifyFrom: 'critical' },
    });
    expect((await picture).ok).toBe(true);
  });

  it('passes errors from main through as values', async () => {
    const { api, current } = setup();
    current().emit('open');
    const result = api.call('getAlert', { id: 'missing-1' });
    const error = { code: 'not-found', message: 'no such alert' };
    current().emit('message', { id: 1, result: { ok: false, error } });
    expect(await result).toEqual({ ok: false, error });
  });

  it('refuses an answer that breaks the contract', async () => {
    const { api, current } = setup();
    current().emit('open');
    const result = api.call('getPicture', {});
    current().emit('message', { id: 1, result: { ok: true, value: { generatedAt: 'soon' } } });
    expect(await result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('gives up on a call after its timeout', async () => {
    const { api, current } = setup(500);
    current().emit('open');
    const result = api.call('getInfo', {});
    vi.advanceTimersByTime(500);
    expect(await result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('delivers valid events and drops invalid ones', () => {
    const { api, current } = setup();
    const seen: number[] = [];
    const stop = api.on('delta', (delta) => seen.push(delta.picture.generatedAt));
    current().emit('open');
    current().emit('message', {
      event: 'delta',
      data: { added: [makeAlert(1)], picture: makePicture(7) },
    });
    current().emit('message', { event: 'delta', data: { added: 'nope' } });
    stop();
    current().emit('message', { event: 'delta', data: { added: [], picture: makePicture(8) } });
    expect(seen).toEqual([7]);
  });

  it('fails calls in flight when the link drops and reconnects with growing delays', async () => {
    const { api, sockets, statuses, current } = setup();
    current().emit('open');
    const lost = api.call('getInfo', {});
    current().emit('close');
    expect(await lost).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(statuses.at(-1)?.state).toBe('waiting');

    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(2);
    current().emit('close');
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    expect(current().url).toBe('ws://host/api');
  });
});
