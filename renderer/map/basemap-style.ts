/**
 * The basemap: a dark ocean, land and borders from the app's own GeoJSON.
 * No tiles, glyphs or sprites, so the map needs no network and no fonts.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { geoUrl } from './geo-url';

/** The ocean's colour, also the page background behind the map. */
export const OCEAN = '#0b1422';

/** The basemap style. */
export function basemapStyle(): StyleSpecification {
  // Natural Earth 1:50m has no more detail to show beyond this zoom.
  const source = { type: 'geojson', maxzoom: 6 } as const;
  return {
    version: 8,
    sources: {
      countries: { ...source, data: geoUrl('countries.geojson') },
      borders: { ...source, data: geoUrl('borders.geojson') },
    },
    layers: [
      { id: 'ocean', type: 'background', paint: { 'background-color': OCEAN } },
      { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#1b2738' } },
      {
        id: 'coast',
        type: 'line',
        source: 'borders',
        filter: ['==', ['get', 'kind'], 'coast'],
        paint: { 'line-color': '#34506f', 'line-width': 0.8 },
      },
      {
        id: 'border',
        type: 'line',
        source: 'borders',
        filter: ['==', ['get', 'kind'], 'border'],
        paint: { 'line-color': '#3d5778', 'line-width': 0.6 },
      },
    ],
  };
}
