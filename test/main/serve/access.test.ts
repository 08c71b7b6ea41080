import type { IncomingMessage } from 'node:http';
import { defaultWallProfile } from '../../../shared/wall';
import { describe, expect, it } from 'vitest';
import {
  decideAccess,
  hostAllowed,
  isLoopbackAddress,
  isLoopbackHost,
  originAllowed,
  tokenCookie,
  tokensMatch,
} from '../../../main/serve/access';

function request(address: string, headers: Record<string, string> = {}): IncomingMessage {
  return { socket: { remoteAddress: address }, headers } as unknown as IncomingMessage;
}

describe('serve access', () => {
  it('answers only to addresses, localhost and allowed names in Host (no DNS rebinding)', () => {
    const host = (value: string | undefined, allowed: string[] = []) =>
      hostAllowed(request('127.0.0.1', value === undefined ? {} : { host: value }), allowed);
    for (const ok of ['127.0.0.1:4173', 'localhost:4173', '[::1]:4173', '192.0.2.7', 'LOCALHOST']) {
      expect(host(ok), ok).toBe(true);
    }
    for (const bad of ['evil.example:4173', 'localhost.evil.example', 'wall', '', 'a b']) {
      expect(host(bad), bad).toBe(false);
    }
    expect(host(undefined)).toBe(false);
    expect(host('soc-wall.example.org:4173', ['soc-wall.example.org'])).toBe(true);
  });

  it('hands a browser that opened ?token= a cookie with the token, and takes it back', () => {
    expect(tokenCookie(new URL('http://x/?token=s3cret'), ['s3cret'])).toMatch(
      /^lagebild_token=s3cret; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    // Never for a wrong token (a loopback client is let in without one).
    expect(tokenCookie(new URL('http://x/?token=guess'), ['s3cret'])).toBeUndefined();
    expect(tokenCookie(new URL('http://x/'), ['s3cret'])).toBeUndefined();
    const withCookie = request('192.0.2.5', { cookie: 'a=b; lagebild_token=s3cret' });
    expect(decideAccess(withCookie, new URL('http://x/assets/app.js'), 's3cret')).toMatchObject({
      allowed: true,
    });
    const wrongCookie = request('192.0.2.5', { cookie: 'lagebild_token=nope' });
    expect(decideAccess(wrongCookie, new URL('http://x/'), 's3cret')).toMatchObject({
      allowed: false,
    });
  });

  it('knows loopback addresses and hosts', () => {
    expect(['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1'].map(isLoopbackAddress)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['10.0.0.1', '::ffff:10.0.0.1', 'garbage', undefined].map(isLoopbackAddress)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('0.0.0.0')).toBe(false);
  });

  it('trusts loopback clients and makes wall clients read-only', () => {
    const url = new URL('http://x/api?profile=wall');
    const decision = decideAccess(request('127.0.0.1'), url, undefined);
    expect(decision).toMatchObject({ allowed: true, client: { readOnly: true } });
  });

  it('refuses other clients without the right token', () => {
    const url = new URL('http://x/api');
    expect(decideAccess(request('192.0.2.5'), url, undefined)).toMatchObject({
      allowed: false,
      status: 401,
    });
    expect(
      decideAccess(request('192.0.2.5'), new URL('http://x/api?token=nope'), 's3cret'),
    ).toMatchObject({ allowed: false });
    expect(
      decideAccess(request('192.0.2.5'), new URL('http://x/api?token=s3cret'), 's3cret'),
    ).toMatchObject({ allowed: true });
    const bearer = request('192.0.2.5', { authorization: 'Bearer s3cret' });
    expect(decideAccess(bearer, url, 's3cret')).toMatchObject({
      allowed: true,
      client: { readOnly: false },
    });
  });

  it('takes the bearer scheme in any case, and a malformed cookie as no token', () => {
    const url = new URL('http://x/api');
    const lower = request('192.0.2.5', { authorization: 'bearer s3cret' });
    expect(decideAccess(lower, url, 's3cret')).toMatchObject({ allowed: true });
    const broken = request('192.0.2.5', { cookie: 'lagebild_token=%E0%A4%A' });
    expect(decideAccess(broken, url, 's3cret')).toMatchObject({ allowed: false, status: 401 });
  });

  it("makes whoever presents a wall's own token that wall, whatever the URL asks", () => {
    const lobby = { name: 'lobby', ...defaultWallProfile(), tlpCeiling: 'clear' as const };
    const walls = [{ token: 'lobby-key', wall: lobby }];
    const asAnalyst = request('192.0.2.5', { authorization: 'Bearer lobby-key' });
    expect(
      decideAccess(asAnalyst, new URL('http://x/api'), 's3cret', undefined, walls),
    ).toMatchObject({
      allowed: true,
      client: { readOnly: true, wall: { name: 'lobby', tlpCeiling: 'clear' } },
    });
    const otherProfile = new URL('http://x/api?profile=ops&token=lobby-key');
    expect(
      decideAccess(request('192.0.2.5'), otherProfile, 's3cret', undefined, walls),
    ).toMatchObject({
      client: { wall: { name: 'lobby' } },
    });
    // The analyst token still opens the analyst's app.
    const analyst = request('192.0.2.5', { authorization: 'Bearer s3cret' });
    expect(
      decideAccess(analyst, new URL('http://x/api'), 's3cret', undefined, walls),
    ).toMatchObject({
      client: { readOnly: false },
    });
    expect(tokenCookie(new URL('http://x/wall?token=lobby-key'), ['s3cret', 'lobby-key'])).toMatch(
      /lagebild_token=lobby-key/,
    );
  });

  it('compares tokens of any length without throwing', () => {
    expect(tokensMatch('a', 'a')).toBe(true);
    expect(tokensMatch('a', 'a-much-longer-token')).toBe(false);
  });

  it('refuses WebSocket upgrades from pages of another origin', () => {
    expect(originAllowed(request('127.0.0.1', { host: '127.0.0.1:4173' }))).toBe(true);
    expect(
      originAllowed(
        request('127.0.0.1', { host: '127.0.0.1:4173', origin: 'http://127.0.0.1:4173' }),
      ),
    ).toBe(true);
    expect(
      originAllowed(
        request('127.0.0.1', { host: '127.0.0.1:4173', origin: 'https://evil.example' }),
      ),
    ).toBe(false);
    expect(originAllowed(request('127.0.0.1', { host: '127.0.0.1:4173', origin: 'null' }))).toBe(
      false,
    );
  });
});
