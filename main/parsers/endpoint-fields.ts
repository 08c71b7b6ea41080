/**
 * One side of an alert from key=value fields, as CEF extensions and LEEF
 * attributes carry them (`src`, `spt`, `shost`; `src`, `srcPort`).
 */
import type { Endpoint } from '../../shared/model';
import { canonicalIp, validHostname, validPort } from './network';

/** The keys that name one side's address, port and host name. */
export interface EndpointKeys {
  /** Address keys in order of preference; the first present one is read. */
  ip: string[];
  port: string;
  hostname?: string;
}

/** The endpoint (absent when the fields name none of its parts), or why an address is invalid. */
export type EndpointResult = { ok: true; endpoint?: Endpoint } | { ok: false; reason: string };

/** Reads one side; an address present but invalid is an error, a bad port or host name is left out. */
export function endpointFrom(
  fields: ReadonlyMap<string, string>,
  keys: EndpointKeys,
): EndpointResult {
  const ipKey = keys.ip.find((key) => fields.get(key)?.trim());
  const rawIp = ipKey === undefined ? undefined : (fields.get(ipKey) as string).trim();
  const ip = rawIp === undefined ? undefined : canonicalIp(rawIp);
  if (rawIp !== undefined && ip === undefined) {
    return { ok: false, reason: `invalid ${ipKey} ${JSON.stringify(rawIp.slice(0, 60))}` };
  }
  const rawHost = keys.hostname === undefined ? undefined : fields.get(keys.hostname);
  const hostname = rawHost === undefined ? undefined : validHostname(rawHost);
  const rawPort = fields.get(keys.port)?.trim();
  const port = rawPort && /^\d{1,5}$/.test(rawPort) ? validPort(Number(rawPort)) : undefined;
  // A port alone still says what was reached (25: mail), so it makes an endpoint too.
  if (ip === undefined && hostname === undefined && port === undefined) return { ok: true };
  return {
    ok: true,
    endpoint: {
      ...(ip === undefined ? {} : { ip }),
      ...(port === undefined ? {} : { port }),
      ...(hostname === undefined ? {} : { hostname }),
    },
  };
}
