/**
 * Builds the enricher a configuration asks for: the packaged GeoIP tables,
 * the country centroids, and the asset inventory when one is configured.
 */
import { loadCountryCentroids } from '../enrich/countries';
import { createEnricher, type Enricher } from '../enrich/enricher';
import { PackagedGeoIp } from '../enrich/geoip';
import { loadInventory } from '../enrich/inventory';
import type { AppConfig } from './config';

/** The enricher for a configuration (or for none: GeoIP and centroids only). */
export function createEnricherFromConfig(config: AppConfig | undefined): Enricher {
  return createEnricher({
    geo: new PackagedGeoIp(),
    centroids: loadCountryCentroids(),
    inventory: config?.inventory ? loadInventory(config.inventory) : undefined,
  });
}
