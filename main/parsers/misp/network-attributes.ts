/**
 * The MISP attribute types that name a network endpoint, read into the
 * observables the STIX parser places (addresses, host names, URLs) and a
 * port. Composite types carry two values joined by "|" (ip-dst|port,
 * domain|ip, hostname|port).
 */
import type { Observable } from '../stix/patterns';

/** What one network attribute says: observables and, for some types, a port. */
export interface NetworkValue {
  observables: Observable[];
  port?: number;
}

type Part = 'ip' | 'host' | 'url' | 'port';

/** The parts of each network attribute type, in the order its value gives them. */
const NETWORK_TYPES: ReadonlyMap<string, readonly Part[]> = new Map<string, Part[]>([
  ['ip-src', ['ip']],
  ['ip-dst', ['ip']],
  ['ip-src|port', ['ip', 'port']],
  ['ip-dst|port', ['ip', 'port']],
  ['domain', ['host']],
  ['hostname', ['host']],
  ['domain|ip', ['host', 'ip']],
  ['hostname|port', ['host', 'port']],
  ['url', ['url']],
  ['port', ['port']],
]);

/** True when attributes of `type` name a network endpoint (or its port). */
export function isNetworkType(type: string): boolean {
  return NETWORK_TYPES.has(type);
}

/** The observables and port of a network attribute; undefined when its value does not fit its type. */
export function networkValue(type: string, value: string): NetworkValue | undefined {
  const parts = NETWORK_TYPES.get(type);
  if (!parts) return undefined;
  const values = parts.length === 1 ? [value] : splitComposite(value);
  if (!values) return undefined;
  const read: NetworkValue = { observables: [] };
  for (const [index, part] of parts.entries()) {
    const text = (values[index] ?? '').trim();
    if (part === 'port') {
      if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) return undefined;
      read.port = Number(text);
    } else {
      read.observables.push(observable(part, text));
    }
  }
  return read;
}

/** "a|b" as [a, b], split at the last "|" (an IPv6 address has none; a URL may). */
function splitComposite(value: string): [string, string] | undefined {
  const bar = value.lastIndexOf('|');
  return bar < 0 ? undefined : [value.slice(0, bar), value.slice(bar + 1)];
}

function observable(part: Exclude<Part, 'port'>, value: string): Observable {
  switch (part) {
    case 'ip':
      return { type: value.includes(':') ? 'ipv6-addr' : 'ipv4-addr', value };
    case 'host':
      return { type: 'domain-name', value };
    case 'url':
      return { type: 'url', value };
  }
}
