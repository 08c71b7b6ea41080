import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  decideAccess,
  isLoopbackAddress,
  isLoopbackHost,
  originAllowed,
  tokensMatch,
} from '../../../main/serve/access';

function request(address: string, headers: Record<string, string> = {}): IncomingMessage {
  return { socket: { remoteAddress: address }, headers } as unknown as IncomingMessage;
}

describe('serve access', () => {
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
