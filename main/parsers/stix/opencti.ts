/**
 * OpenCTI's property extension on sightings, which names what was sighted
 * and where even when those objects are not in the same document (as in
 * its live stream, which sends one object per event).
 */
import { objectField, stringField, stringsField, type JsonObject } from '../fields';
import { countryCode } from './countries';

/** The extension OpenCTI puts on every relationship and sighting it exports. */
const OPENCTI_EXTENSION_ID = 'extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba';

/** What OpenCTI's extension says about a sighting. */
export interface OpenCtiSighting {
  /** What was sighted, e.g. an indicator's pattern value. */
  sightedValue?: string;
  /** Its OpenCTI entity type, e.g. "Indicator". */
  sightedType?: string;
  /** Alpha-2 codes of the countries where it was sighted. */
  countries: string[];
}

/** Reads OpenCTI's extension of a sighting; empty when it has none. */
export function openCtiSighting(sighting: JsonObject): OpenCtiSighting {
  const extensions = objectField(sighting, 'extensions');
  const extension = extensions && objectField(extensions, OPENCTI_EXTENSION_ID);
  if (!extension) return { countries: [] };
  const types = stringsField(extension, 'where_sighted_types');
  const values = stringsField(extension, 'where_sighted_values');
  const countries = values.flatMap((value, index) => {
    const code = types[index] === 'Country' ? countryCode(value) : undefined;
    return code === undefined ? [] : [code];
  });
  return {
    sightedValue: stringField(extension, 'sighting_of_value'),
    sightedType: stringField(extension, 'sighting_of_type'),
    countries,
  };
}
