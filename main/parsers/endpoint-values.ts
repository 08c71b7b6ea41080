/**
 * One side of an alert from values of a JSON record (an address string, a
 * port as number or text, a host name), checked as CEF's fields are.
 */
import type { Endpoint } from '../../shared/model';
import { endpointFrom, type EndpointResult } from './endpoint-fields';

/** The raw values of one side, as a record gave them. */
export interface EndpointValues {
  ip?: unknown;
  port?: unknown;
  hostname?: unknown;
}

/**
 * The endpoint of `values` (absent when none is given); an address present
 * but invalid is an error named by `ipName`, a bad port or host is left out.
 */
export function endpointOfValues(values: EndpointValues, ipName: string): EndpointResult {
  const fields = new Map<string, string>();
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) {
      fields.set(key === 'ip' ? ipName : key, String(value));
    }
  }
  return endpointFrom(fields, { ip: [ipName], port: 'port', hostname: 'hostname' });
}

/** `endpoint` with the feed's own position and country, when they are valid. */
export function placedByFeed(
  endpoint: Endpoint | undefined,
  place: { lat?: unknown; lon?: unknown; country?: unknown },
): Endpoint | undefined {
  const { lat, lon, country } = place;
  const validLat = typeof lat === 'number' && Math.abs(lat) <= 90;
  const validLon = typeof lon === 'number' && Math.abs(lon) <= 180;
  const code = typeof country === 'string' ? country.trim().toUpperCase() : undefined;
  const validCountry = code !== undefined && /^[A-Z]{2}$/.test(code);
  if (!validLat || !validLon) {
    if (!validCountry || !endpoint) return endpoint;
    return { ...endpoint, country: code };
  }
  return {
    ...endpoint,
    lat,
    lon,
    geoSource: 'feed',
    ...(validCountry ? { country: code } : {}),
  };
}
