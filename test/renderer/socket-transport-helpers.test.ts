import { describe, expect, it } from 'vitest';
import { reconnectDelay } from '../../renderer/api/backoff';
import { apiSocketUrl } from '../../renderer/api/socket-url';

describe('reconnectDelay', () => {
  it('doubles from half a second up to a cap of 15 s', () => {
    const ceilings = [0, 1, 2, 5, 10, 30].map((attempt) => reconnectDelay(attempt, () => 1));
    expect(ceilings).toEqual([500, 1000, 2000, 15_000, 15_000, 15_000]);
  });

  it('jitters within the upper half of the ceiling', () => {
    expect(reconnectDelay(3, () => 0)).toBe(2000);
    expect(reconnectDelay(3, () => 0.5)).toBe(3000);
  });
});

describe('apiSocketUrl', () => {
  it('uses ws: on the page host for an http page', () => {
    expect(
      apiSocketUrl({ protocol: 'http:', host: '127.0.0.1:4173', search: '', pathname: '/' }),
    ).toBe('ws://127.0.0.1:4173/api');
  });

  it('uses wss: for https and forwards token and profile only', () => {
    const url = apiSocketUrl({
      protocol: 'https:',
      host: 'soc.example:8443',
      search: '?token=s3cr%2Bt&profile=wall&other=1',
      pathname: '/',
    });
    expect(url).toBe('wss://soc.example:8443/api?token=s3cr%2Bt&profile=wall');
  });

  it('makes the wall page a wall client even when its link names no profile', () => {
    const page = { protocol: 'http:', host: '127.0.0.1:4173', search: '', pathname: '/wall' };
    expect(apiSocketUrl(page)).toBe('ws://127.0.0.1:4173/api?profile=wall');
    expect(apiSocketUrl({ ...page, search: '?profile=lobby' })).toBe(
      'ws://127.0.0.1:4173/api?profile=lobby',
    );
  });
});
