import type { FeatureCollection, MultiPolygon } from 'geojson';
import table from '../../assets/geo/country-centroids.json';

/** What scripts/build-geo.mjs puts on each country feature. */
export interface CountryProperties {
  /** ISO 3166-1 alpha-2; absent for the few areas without a code. */
  iso2?: string;
  name: string;
}

/** The basemap's countries, as renderer/public/geo/countries.geojson holds them. */
export type CountryCollection = FeatureCollection<MultiPolygon, CountryProperties>;

/** Each country's label point, [longitude, latitude], by alpha-2 code. */
export const COUNTRY_CENTROIDS: Record<string, [number, number]> = Object.fromEntries(
  Object.entries(table as Record<string, number[]>).flatMap(([code, [lon, lat]]) =>
    lon === undefined || lat === undefined ? [] : [[code, [lon, lat]]],
  ),
);
