/**
 * Observables (from a pattern or observed data) placed on an endpoint:
 * the first address and the first host name; the rest become tags.
 */
import type { Endpoint } from '../../../shared/model';
import { canonicalIp, validHostname } from '../network';
import type { Observable } from './patterns';

/** An endpoint made of observables, and tags for those it could not hold. */
export interface PlacedObservables {
  endpoint?: Endpoint;
  tags: string[];
}

/**
 * Puts the first valid address (a network's base address when a CIDR is
 * given) and the first valid host name (of a domain, else of a URL) on one
 * endpoint. Every other value, and a network that is more than one
 * address, is kept as a `<type>:<value>` tag.
 */
export function placeObservables(observables: readonly Observable[]): PlacedObservables {
  const endpoint: Endpoint = {};
  const tags: string[] = [];
  for (const observable of observables) {
    const used = place(endpoint, observable);
    if (used !== 'whole') tags.push(`${observable.type}:${observable.value}`);
  }
  return Object.keys(endpoint).length > 0 ? { endpoint, tags } : { tags };
}

/** The endpoint with `port` added, when both are there. */
export function withPort(
  endpoint: Endpoint | undefined,
  port: number | undefined,
): Endpoint | undefined {
  return endpoint && port !== undefined ? { ...endpoint, port } : endpoint;
}

/** Whether the observable went on the endpoint whole, in part (a network), or not at all. */
function place(endpoint: Endpoint, observable: Observable): 'whole' | 'part' | 'none' {
  switch (observable.type) {
    case 'ipv4-addr':
    case 'ipv6-addr': {
      if (endpoint.ip !== undefined) return 'none';
      const network = parseNetwork(observable.value);
      if (!network) return 'none';
      endpoint.ip = network.ip;
      return network.single ? 'whole' : 'part';
    }
    case 'domain-name': {
      const hostname =
        endpoint.hostname === undefined ? validHostname(observable.value) : undefined;
      if (!hostname) return 'none';
      endpoint.hostname = hostname;
      return 'whole';
    }
    case 'url':
      return placeUrlHost(endpoint, observable.value) ? 'part' : 'none';
  }
}

/** The address of "a.b.c.d" or "a.b.c.d/n", and whether it names a single address. */
function parseNetwork(value: string): { ip: string; single: boolean } | undefined {
  const slash = value.indexOf('/');
  const ip = canonicalIp(slash < 0 ? value.trim() : value.slice(0, slash).trim());
  if (!ip) return undefined;
  if (slash < 0) return { ip, single: true };
  const prefix = value.slice(slash + 1).trim();
  const full = ip.includes(':') ? 128 : 32;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > full) return undefined;
  return { ip, single: Number(prefix) === full };
}

/** Puts a URL's host on the endpoint where that slot is free; true when it did. */
function placeUrlHost(endpoint: Endpoint, url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  const ip = canonicalIp(host.replace(/^\[(.*)\]$/, '$1'));
  if (ip) {
    if (endpoint.ip !== undefined) return false;
    endpoint.ip = ip;
    return true;
  }
  const hostname = endpoint.hostname === undefined ? validHostname(host) : undefined;
  if (!hostname) return false;
  endpoint.hostname = hostname;
  return true;
}
