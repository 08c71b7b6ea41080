/** One side of an ECS document: `source.*` or `destination.*`, with the geo ECS carries. */
import type { Endpoint } from '../../../shared/model';
import { endpointOfValues, placedByFeed } from '../endpoint-values';
import type { JsonObject } from '../fields';
import { ecsField } from './path';

/** The side named `side`, or why its address is invalid. */
export function ecsEndpoint(
  document: JsonObject,
  side: 'source' | 'destination',
): { ok: true; endpoint?: Endpoint } | { ok: false; reason: string } {
  const at = (path: string) => ecsField(document, `${side}.${path}`);
  const ip = at('ip') ?? ipLike(at('address'));
  const read = endpointOfValues({ ip, port: at('port'), hostname: at('domain') }, `${side}.ip`);
  if (!read.ok) return read;
  const asn = at('as.number');
  const asOrg = at('as.organization.name');
  const endpoint = placedByFeed(read.endpoint, {
    lat: at('geo.location.lat'),
    lon: at('geo.location.lon'),
    country: at('geo.country_iso_code'),
  });
  if (!endpoint) return { ok: true };
  return {
    ok: true,
    endpoint: {
      ...endpoint,
      ...(typeof asn === 'number' && Number.isInteger(asn) && asn >= 0 ? { asn } : {}),
      ...(typeof asOrg === 'string' && asOrg.trim() ? { asOrg: asOrg.trim().slice(0, 200) } : {}),
    },
  };
}

/** `address` may hold a domain or a socket path; only an address-looking value stands for ip. */
function ipLike(value: unknown): unknown {
  return typeof value === 'string' && /^[0-9a-fA-F:.]+$/.test(value.trim()) ? value : undefined;
}
