/** What the abuse.ch builders share: their timestamps and the place of a URL's host. */
import type { Endpoint } from '../../../shared/model';
import { canonicalIp, validHostname, validPort } from '../network';
import { parseTimestamp } from '../time';

/** A ParsedAlert or why the record cannot be one, as builders return them. */
export { type EventResult } from '../json-events';

/** abuse.ch writes UTC times as "2022-08-05 11:40:15" or "… 11:40:15 UTC". */
export function abuseChTime(value: unknown): number | undefined {
  return typeof value === 'string'
    ? parseTimestamp(value.trim().replace(/\s*UTC$/i, ''))
    : undefined;
}

/** The host (address or name) and port a URL points at; undefined when it is no URL. */
export function urlEndpoint(text: string): Endpoint | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  // URL keeps IPv6 hosts in brackets.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const ip = canonicalIp(host);
  const port = url.port === '' ? undefined : validPort(Number(url.port));
  const place: Endpoint = ip ? { ip } : { hostname: validHostname(host) };
  if (place.hostname === undefined && place.ip === undefined) return undefined;
  return port === undefined ? place : { ...place, port };
}
