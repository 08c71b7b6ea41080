#!/usr/bin/env node
/**
 * Builds the map geometry from Natural Earth 1:50m (via world-atlas):
 * - renderer/public/geo/countries.geojson: one feature per country with its
 *   ISO alpha-2 code, cut at the antimeridian (generated, not committed);
 * - renderer/public/geo/borders.geojson: land borders and coastlines as lines;
 * - assets/geo/country-centroids.json: a label point per country, used by the
 *   main process to place alerts that only know their country (committed).
 * Usage: node scripts/build-geo.mjs
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature, mesh } from 'topojson-client';
import { MAX_LATITUDE, cutLine, cutPolygon, hasStreak, signedArea } from './geo/antimeridian.mjs';
import { iso2Of } from './geo/country-codes.mjs';
import { equalArea, labelPoint } from './geo/label-point.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
// world-atlas 50m is quantized to about 0.004°, so 0.001° loses nothing and keeps the files small.
const PRECISION = 1000;

const roundPoint = ([x, y]) => [
  Math.round(x * PRECISION) / PRECISION,
  Math.round(y * PRECISION) / PRECISION,
];

function roundPath(path) {
  return path
    .map(roundPoint)
    .filter((point, i, all) => i === 0 || point[0] !== all[i - 1][0] || point[1] !== all[i - 1][1]);
}

/** RFC 7946 winding: exterior counter-clockwise, holes clockwise. */
function orient(polygon) {
  return polygon.map((ring, index) => {
    const counterClockwise = signedArea(ring) > 0;
    return counterClockwise === (index === 0) ? ring : [...ring].reverse();
  });
}

function polygonsOf(geometry) {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

function assertNoStreaks(paths, what) {
  const bad = paths.find((path) => hasStreak(path) || path.some(([x]) => Math.abs(x) > 180));
  if (bad) throw new Error(`${what} still crosses the antimeridian`);
}

/** Country polygons, cut and rounded, each with its code (when it has one) and name. */
function countryFeatures(topology) {
  return feature(topology, topology.objects.countries).features.map((country) => {
    const polygons = polygonsOf(country.geometry)
      .flatMap(cutPolygon)
      .map((polygon) => orient(polygon.map(roundPath).filter((ring) => ring.length >= 4)))
      .filter((polygon) => polygon.length > 0);
    assertNoStreaks(polygons.flat(), country.properties.name);
    const iso2 = iso2Of(country);
    return {
      type: 'Feature',
      properties: { ...(iso2 ? { iso2 } : {}), name: country.properties.name },
      geometry: { type: 'MultiPolygon', coordinates: polygons },
    };
  });
}

const atPoleEdge = (line) => line.every(([, y]) => Math.abs(y) >= MAX_LATITUDE);

/** Land borders (arcs shared by two countries) and coastlines (arcs of one), as lines. */
function borderFeatures(topology) {
  const kinds = { border: (a, b) => a !== b, coast: (a, b) => a === b };
  return Object.entries(kinds).map(([kind, filter]) => {
    const lines = mesh(topology, topology.objects.countries, filter)
      .coordinates.flatMap(cutLine)
      .map(roundPath)
      .filter((line) => line.length >= 2 && !atPoleEdge(line));
    assertNoStreaks(lines, `${kind} lines`);
    return {
      type: 'Feature',
      properties: { kind },
      geometry: { type: 'MultiLineString', coordinates: lines },
    };
  });
}

/** Each code's label point on its largest polygon, so France sits in Europe, not in Guiana. */
function centroidTable(countries) {
  const largest = new Map();
  for (const country of countries) {
    const { iso2 } = country.properties;
    if (!iso2) continue;
    for (const polygon of country.geometry.coordinates) {
      const area = equalArea(polygon);
      if (area > (largest.get(iso2)?.area ?? -Infinity)) largest.set(iso2, { area, polygon });
    }
  }
  const codes = [...largest.keys()].sort();
  const lines = codes.map(
    (code) => `  "${code}": ${JSON.stringify(labelPoint(largest.get(code).polygon))}`,
  );
  return `{\n${lines.join(',\n')}\n}\n`;
}

function write(relative, text) {
  const path = join(ROOT, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  process.stdout.write(`wrote ${relative} (${Math.round(text.length / 1024)} KiB)\n`);
}

function main() {
  const topology = JSON.parse(readFileSync(SOURCE, 'utf8'));
  const countries = countryFeatures(topology);
  write(
    'renderer/public/geo/countries.geojson',
    JSON.stringify({ type: 'FeatureCollection', features: countries }),
  );
  write(
    'renderer/public/geo/borders.geojson',
    JSON.stringify({ type: 'FeatureCollection', features: borderFeatures(topology) }),
  );
  write('assets/geo/country-centroids.json', centroidTable(countries));
}

main();
