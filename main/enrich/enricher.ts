/**
 * Adds what the feed did not say about each endpoint of an alert: its
 * address class, the organisation's own site (from the inventory) or, for
 * public addresses only, country and AS (from GeoIP) and a map position
 * (the country's centroid). What the feed itself said is kept.
 */
import type { Endpoint } from '../../shared/model';
import type { Sector } from '../../shared/vocab';
import type { ParsedAlert } from '../parsers/types';
import { classifyAddress } from './address-class';
import type { CountryCentroids } from './countries';
import type { GeoLookup } from './geoip';
import type { InventorySite, SiteLookup } from './inventory';

/** Where enrichment looks things up; each source is optional. */
export interface EnricherOptions {
  inventory?: SiteLookup;
  geo?: GeoLookup;
  centroids?: CountryCentroids;
}

/** Enriches one parsed alert, returning a new alert. */
export type Enricher = (alert: ParsedAlert) => ParsedAlert;

interface Enriched {
  endpoint: Endpoint;
  sector?: Sector;
}

// A plain loop rather than Object.fromEntries, which builds a slow
// dictionary-mode object, on every endpoint of every alert.
function withoutUndefined(endpoint: Endpoint): Endpoint {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(endpoint)) if (value !== undefined) kept[key] = value;
  return kept as Endpoint;
}

/** The organisation's own placement of an address: its site's names and position. */
function atSite(known: Endpoint, site: InventorySite): Endpoint {
  const placed = site.lat !== undefined && site.lon !== undefined;
  return withoutUndefined({
    ...known,
    site: site.site,
    organisation: site.organisation ?? known.organisation,
    ...(placed ? { lat: site.lat, lon: site.lon, geoSource: 'inventory' as const } : {}),
  });
}

/** Country and AS from GeoIP where the feed gave none; the country's centroid if unplaced. */
function byGeoIp(known: Endpoint, ip: string, options: EnricherOptions): Endpoint {
  const geo = options.geo?.lookup(ip);
  const country = known.country ?? geo?.country;
  const placed = known.lat !== undefined && known.lon !== undefined;
  const centroid = placed || country === undefined ? undefined : options.centroids?.get(country);
  return withoutUndefined({
    ...known,
    country,
    asn: known.asn ?? geo?.asn,
    asOrg: known.asOrg ?? geo?.asOrg,
    ...(centroid ? { lon: centroid[0], lat: centroid[1], geoSource: 'country' as const } : {}),
  });
}

function enrichEndpoint(endpoint: Endpoint, options: EnricherOptions): Enriched {
  const { ip } = endpoint;
  const addressClass = ip === undefined ? undefined : classifyAddress(ip);
  const placedByFeed = endpoint.lat !== undefined && endpoint.lon !== undefined;
  const known: Endpoint = {
    ...endpoint,
    addressClass: addressClass ?? endpoint.addressClass,
    geoSource: endpoint.geoSource ?? (placedByFeed ? 'feed' : undefined),
  };
  const site = ip === undefined ? undefined : options.inventory?.match(ip);
  if (site) return { endpoint: atSite(known, site), sector: site.sector };
  // Only public addresses are looked up: the rest say nothing about a place.
  if (ip === undefined || addressClass !== 'public') return { endpoint: withoutUndefined(known) };
  return { endpoint: byGeoIp(known, ip, options) };
}

/** Makes an enricher over the given inventory, GeoIP and centroid table. */
export function createEnricher(options: EnricherOptions = {}): Enricher {
  return (alert) => {
    const source = alert.source && enrichEndpoint(alert.source, options);
    const destination = alert.destination && enrichEndpoint(alert.destination, options);
    const sectors = new Set(alert.sectors);
    for (const sector of [source?.sector, destination?.sector]) if (sector) sectors.add(sector);
    return {
      ...alert,
      ...(source ? { source: source.endpoint } : {}),
      ...(destination ? { destination: destination.endpoint } : {}),
      sectors: [...sectors],
    };
  };
}
