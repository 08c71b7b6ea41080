/**
 * The victim side of a STIX alert: sectors of the identities it concerns
 * and the place of the locations it concerns, directly or through an
 * identity's `located-at` relationship.
 */
import type { Endpoint } from '../../../shared/model';
import { isSector, type Sector } from '../../../shared/vocab';
import { numberField, stringField, stringsField, type JsonObject } from '../fields';
import { countryCode } from './countries';
import { relatedIds, resolve, type StixGraph } from './graph';

/** Sectors, tags for sectors outside the STIX vocabulary, and a place. */
export interface Victims {
  sectors: Sector[];
  tags: string[];
  destination?: Endpoint;
}

/** The victims named by `ids` (identities and locations; other objects are skipped). */
function victimsOf(graph: StixGraph, ids: Iterable<string>): Victims {
  const sectors = new Set<Sector>();
  const tags: string[] = [];
  let destination: Endpoint | undefined;
  for (const object of resolve(graph, ids)) {
    if (object.type === 'identity') {
      for (const raw of stringsField(object, 'sectors')) {
        const sector = raw.trim().toLowerCase();
        if (isSector(sector)) sectors.add(sector);
        else tags.push(`sector:${raw}`);
      }
      const places = resolve(graph, relatedIds(graph, object.id, 'located-at'));
      destination ??= places.map(locationEndpoint).find((place) => place !== undefined);
    } else if (object.type === 'location') {
      destination ??= locationEndpoint(object);
    }
  }
  return { sectors: [...sectors], tags, destination };
}

/** Country and coordinates of a location object, or undefined when it has neither. */
function locationEndpoint(location: JsonObject): Endpoint | undefined {
  const countryText = stringField(location, 'country');
  const country = countryText === undefined ? undefined : countryCode(countryText);
  const lat = numberField(location, 'latitude');
  const lon = numberField(location, 'longitude');
  const hasCoordinates =
    lat !== undefined && lon !== undefined && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  if (!country && !hasCoordinates) return undefined;
  return {
    ...(country ? { country } : {}),
    ...(hasCoordinates ? { lat, lon, geoSource: 'feed' as const } : {}),
  };
}

/**
 * Victims of `ids`, plus the sectors of the object's creator as
 * `reporter-sector:` tags. The reporter is not counted as a victim: CTI
 * vendors report what others suffered, and sharing members what they saw,
 * and a document does not say which.
 */
export function victimsAndReporter(
  graph: StixGraph,
  object: JsonObject,
  ids: Iterable<string>,
): Victims {
  const victims = victimsOf(graph, ids);
  const creator = stringField(object, 'created_by_ref');
  if (creator === undefined) return victims;
  const reporter = resolve(graph, [creator]).flatMap((identity) =>
    identity.type === 'identity' ? stringsField(identity, 'sectors') : [],
  );
  return {
    ...victims,
    tags: [...victims.tags, ...reporter.map((sector) => `reporter-sector:${sector}`)],
  };
}
