/**
 * Who may use serve mode. Loopback clients are trusted; any other client
 * must present the configured token, compared in constant time. A client
 * asking for the wall profile is read-only whatever else it presents.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';
import type { ClientContext } from '../core/api-types';

/** The outcome of checking one request. */
export type AccessDecision =
  { allowed: true; client: ClientContext } | { allowed: false; status: number; reason: string };

/** True for 127.0.0.0/8, ::1 and IPv4-mapped loopback. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address || !ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed.range() === 'loopback';
}

/** True when the host name or address to listen on stays on this machine. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || isLoopbackAddress(host);
}

/** Compares two tokens without leaking, through timing, how much of them matched. */
export function tokensMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function presentedToken(request: IncomingMessage, url: URL): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  return url.searchParams.get('token') ?? undefined;
}

/** Decides whether a request may proceed, and as which kind of client. */
export function decideAccess(
  request: IncomingMessage,
  url: URL,
  token: string | undefined,
): AccessDecision {
  const address = request.socket.remoteAddress;
  const readOnly = url.searchParams.get('profile') === 'wall';
  const name = `${readOnly ? 'wall' : 'client'}@${address ?? 'unknown'}`;
  if (isLoopbackAddress(address)) return { allowed: true, client: { name, readOnly } };
  const given = presentedToken(request, url);
  if (token && given !== undefined && tokensMatch(given, token)) {
    return { allowed: true, client: { name, readOnly } };
  }
  return {
    allowed: false,
    status: 401,
    reason: 'a valid token is required for clients not on this machine',
  };
}

/**
 * Browsers send Origin on WebSocket upgrades; a page from another site must
 * not drive the API through a visitor's loopback connection.
 */
export function originAllowed(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
