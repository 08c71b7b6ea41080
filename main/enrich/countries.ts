/**
 * Where to draw a country: one [lon, lat] point per ISO alpha-2 code, from
 * the bundled assets/geo/country-centroids.json.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { assetPath } from '../core/paths';
import { scopedLogger } from '../core/log';

const log = scopedLogger('geo');

/** Country code → [lon, lat] of a point inside the country. */
export type CountryCentroids = ReadonlyMap<string, readonly [lon: number, lat: number]>;

const CentroidsSchema = z.record(
  z.string().regex(/^[A-Z]{2}$/),
  z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
);

// A missing or broken file is reported once per process, not once per load.
const reported = new Set<string>();

function placeNothing(file: string, problem: string): CountryCentroids {
  if (!reported.has(file)) {
    reported.add(file);
    log.warn(`${file} ${problem}; alerts are not placed by country`);
  }
  return new Map();
}

/** Reads the centroid table; a missing or invalid file yields an empty table and one warning. */
export function loadCountryCentroids(
  file = assetPath('geo', 'country-centroids.json'),
): CountryCentroids {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return placeNothing(file, 'cannot be read');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return placeNothing(file, 'is not valid JSON');
  }
  const parsed = CentroidsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return placeNothing(
      file,
      `has an invalid entry at ${issue?.path.join('.')}: ${issue?.message}`,
    );
  }
  return new Map(Object.entries(parsed.data));
}
