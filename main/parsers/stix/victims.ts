/**
 * The victim side of a STIX alert: sectors of the identities it concerns
 * and the place of the locations it concerns, directly or through an
 * identity's `located-at` relationship. Each victim, and the victims of
 * each object that `targets` others, is worked out once per document, so
 * N indicators of one malware that targets M identities cost N + M, not N×M.
 * Every answer carries the provenance of what it was read from, so that
 * the alert that copies it carries their markings.
 */
import type { Endpoint } from '../../../shared/model';
import { isSector, type Sector } from '../../../shared/vocab';
import { numberField, stringField, stringsField, type JsonObject } from '../fields';
import { boundTags } from '../text';
import { MAX_STIX_TAGS } from './common';
import { countryCode } from './countries';
import {
  oncePerObject,
  provenanceOf,
  provenanceOfAll,
  related,
  resolve,
  type StixGraph,
} from './graph';
import { NOTHING_READ, joinProvenance, type Provenance } from './markings';

/** Sectors, tags for sectors outside the STIX vocabulary, and a place. */
export interface Victims {
  sectors: Sector[];
  tags: string[];
  destination?: Endpoint;
  /** Of every object and relationship these were read from. */
  provenance: Provenance;
}

/** No victims, read from nothing. */
export const NO_VICTIMS: Victims = { sectors: [], tags: [], provenance: NOTHING_READ };

/** The victims named by `ids` (identities and locations; other objects are skipped). */
export function victimsOf(graph: StixGraph, ids: Iterable<string>): Victims {
  return merged(Array.from(ids, (id) => victimOf(graph, id)));
}

/** The victims of everything that `sourceIds` (e.g. an indicator and what it indicates) target. */
export function victimsTargetedBy(graph: StixGraph, sourceIds: Iterable<string>): Victims {
  return merged(Array.from(sourceIds, (id) => targetedBy(graph, id)));
}

/**
 * `victims`, plus the sectors of the object's creator as
 * `reporter-sector:` tags. The reporter is not counted as a victim: CTI
 * vendors report what others suffered, and sharing members what they saw,
 * and a document does not say which.
 */
export function withReporter(graph: StixGraph, object: JsonObject, victims: Victims): Victims {
  const creator = stringField(object, 'created_by_ref');
  if (creator === undefined) return victims;
  const reporter = reporterOf(graph, creator);
  return {
    ...victims,
    tags: [...victims.tags, ...reporter.tags],
    provenance: joinProvenance([victims.provenance, reporter.provenance]),
  };
}

const targetedBy = oncePerObject((graph, id): Victims => {
  const targets = related(graph, id, 'targets');
  const victims = victimsOf(graph, targets.ids);
  return { ...victims, provenance: joinProvenance([victims.provenance, targets.provenance]) };
});

const victimOf = oncePerObject((graph, id): Victims => {
  const object = graph.byId.get(id);
  // Naming a victim tells who it is, whether or not a place or sector is read from it.
  const provenance = provenanceOf(graph, id);
  if (object?.type === 'location')
    return { sectors: [], tags: [], destination: locationEndpoint(object), provenance };
  if (object?.type !== 'identity') return { sectors: [], tags: [], provenance };
  const sectors = new Set<Sector>();
  const tags: string[] = [];
  for (const raw of stringsField(object, 'sectors')) {
    const sector = raw.trim().toLowerCase();
    if (isSector(sector)) sectors.add(sector);
    else tags.push(`sector:${raw}`);
  }
  const located = related(graph, object.id, 'located-at');
  const places = resolve(graph, located.ids);
  const destination = places.map(locationEndpoint).find((place) => place !== undefined);
  return {
    sectors: [...sectors],
    tags: boundTags(tags, MAX_STIX_TAGS),
    destination,
    provenance: joinProvenance([
      provenance,
      located.provenance,
      provenanceOfAll(graph, located.ids),
    ]),
  };
});

const reporterOf = oncePerObject((graph, id): { tags: string[]; provenance: Provenance } => {
  const identity = graph.byId.get(id);
  const sectors = identity?.type === 'identity' ? stringsField(identity, 'sectors') : [];
  const tags = sectors.map((sector) => `reporter-sector:${sector}`);
  return { tags: boundTags(tags, MAX_STIX_TAGS), provenance: provenanceOf(graph, id) };
});

/**
 * Victims in order: sectors joined, the first place, and tags kept to the
 * first MAX_STIX_TAGS, which is all an alert keeps anyway.
 */
function merged(parts: readonly Victims[]): Victims {
  const sectors = new Set<Sector>();
  const tags: string[] = [];
  let destination: Endpoint | undefined;
  for (const part of parts) {
    for (const sector of part.sectors) sectors.add(sector);
    tags.push(...part.tags);
    destination ??= part.destination;
  }
  return {
    sectors: [...sectors],
    tags: boundTags(tags, MAX_STIX_TAGS),
    destination,
    provenance: joinProvenance(parts.map((part) => part.provenance)),
  };
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
