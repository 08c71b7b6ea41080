/**
 * Who may use serve mode. Loopback clients are trusted; any other client
 * must present the configured token, compared in constant time. A client
 * naming a wall profile is read-only whatever else it presents.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import ipaddr from 'ipaddr.js';
import type { Wall } from '../../shared/wall';
import type { ClientContext } from '../core/api-types';
import { wallProfile } from '../core/wall-profiles';

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

/** The cookie that carries the token for the page's own requests (scripts, styles, the socket). */
export const TOKEN_COOKIE = 'lagebild_token';

function cookieToken(request: IncomingMessage): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== TOKEN_COOKIE) continue;
    try {
      return decodeURIComponent(value.join('='));
    } catch {
      // A malformed cookie presents no token; it must not throw out of the request handler.
      return undefined;
    }
  }
  return undefined;
}

function presentedToken(request: IncomingMessage, url: URL): string | undefined {
  const header = request.headers.authorization;
  // The scheme name is case-insensitive (RFC 9110, section 11.1).
  const bearer = /^bearer +(.+)$/i.exec(header ?? '');
  if (bearer?.[1]) return bearer[1].trim();
  return url.searchParams.get('token') ?? cookieToken(request);
}

/**
 * The Set-Cookie header that lets a browser which opened `?token=` load the
 * rest of the app: HttpOnly keeps it from scripts, SameSite from other sites.
 */
export function tokenCookie(url: URL, tokens: readonly (string | undefined)[]): string | undefined {
  const given = url.searchParams.get('token');
  const token = given === null ? undefined : tokens.find((t) => t && tokensMatch(given, t));
  if (token === undefined) return undefined;
  return `${TOKEN_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`;
}

/** A wall profile's own token: whoever presents it is that wall and nothing more. */
export interface WallToken {
  token: string;
  wall: Wall;
}

/** The wall profile of a name, or undefined when the name is not one. */
export type WallLookup = (name: string) => Wall | undefined;

// Without a configuration every wall plays the default profile.
const defaultWalls: WallLookup = (name) => wallProfile({ walls: {} }, name);

/**
 * Decides whether a request may proceed, and as which kind of client: a
 * request naming a `profile` is a wall screen, read-only and held to that
 * profile's TLP ceiling.
 */
export function decideAccess(
  request: IncomingMessage,
  url: URL,
  token: string | undefined,
  wallOf: WallLookup = defaultWalls,
  wallTokens: readonly WallToken[] = [],
): AccessDecision {
  const address = request.socket.remoteAddress;
  const given = presentedToken(request, url);
  // A wall's own token makes a wall of that profile, whatever the URL asks:
  // a screen in a lobby holds no key to more than its profile shows.
  const tokenWall =
    given === undefined ? undefined : wallTokens.find((entry) => tokensMatch(given, entry.token));
  const profile = url.searchParams.get('profile');
  const wall = tokenWall?.wall ?? (profile === null ? undefined : wallOf(profile));
  if (!tokenWall && profile !== null && !wall) {
    return {
      allowed: false,
      status: 400,
      reason: 'a wall profile name is letters, digits, dot, dash or underscore',
    };
  }
  const name = `${wall ? `wall:${wall.name}` : 'client'}@${address ?? 'unknown'}`;
  const client: ClientContext = wall ? { name, readOnly: true, wall } : { name, readOnly: false };
  if (tokenWall || isLoopbackAddress(address)) return { allowed: true, client };
  if (token && given !== undefined && tokensMatch(given, token)) {
    return { allowed: true, client };
  }
  return {
    allowed: false,
    status: 401,
    reason: 'a valid token is required for clients not on this machine',
  };
}

/**
 * Whether the Host header names this server: an address, localhost, or a
 * name the configuration allows. A page on a name the attacker controls
 * that resolves to 127.0.0.1 (DNS rebinding) sends that name, and is
 * refused, on plain requests and upgrades alike.
 */
export function hostAllowed(request: IncomingMessage, allowedNames: readonly string[]): boolean {
  const header = request.headers.host;
  if (header === undefined) return false;
  let hostname: string;
  try {
    hostname = new URL(`http://${header}`).hostname.toLowerCase();
  } catch {
    return false;
  }
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  if (ipaddr.isValid(bare) || hostname === 'localhost') return true;
  return allowedNames.some((name) => name.toLowerCase() === hostname);
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
