/**
 * MISP geolocation objects (latitude, longitude, country, city, ...) as a
 * place for the endpoint of the indicators they are linked to.
 */
import type { Endpoint } from '../../../shared/model';
import { countryCode } from '../stix/countries';
import { MispAttributeSchema, type MispObject } from './schema';

/** The name of MISP's geolocation object template. */
export const GEOLOCATION_OBJECT = 'geolocation';

/** A place: coordinates, a country, or both. */
export type Place = Pick<Endpoint, 'lat' | 'lon' | 'country'>;

/** The place a geolocation object states; undefined when it states none usable. */
export function placeOf(object: MispObject): Place | undefined {
  const values = new Map<string, string>();
  for (const item of object.Attribute) {
    const attribute = MispAttributeSchema.safeParse(item);
    if (!attribute.success) continue;
    const { object_relation: relation, value } = attribute.data;
    if (relation && !values.has(relation)) values.set(relation, value);
  }
  const lat = coordinate(values.get('latitude'), 90);
  const lon = coordinate(values.get('longitude'), 180);
  const country = [values.get('countrycode'), values.get('country')]
    .map((text) => (text === undefined ? undefined : countryCode(text)))
    .find((code) => code !== undefined);
  const place: Place = {
    ...(lat !== undefined && lon !== undefined ? { lat, lon } : {}),
    ...(country ? { country } : {}),
  };
  return Object.keys(place).length > 0 ? place : undefined;
}

function coordinate(text: string | undefined, limit: number): number | undefined {
  if (text === undefined || !/^\s*-?\d{1,3}(\.\d+)?\s*$/.test(text)) return undefined;
  const value = Number(text);
  return Math.abs(value) <= limit ? value : undefined;
}
