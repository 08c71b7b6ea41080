/**
 * What every alert of one MISP event shares: the signature that makes the
 * event one incident, its TLP, sectors, severity and tags, and the places
 * its geolocation objects give the things they are linked to.
 */
import type { Sector, Severity, Tlp } from '../../../shared/vocab';
import { sectorsOfGalaxyValue } from './galaxy-sectors';
import { GEOLOCATION_OBJECT, placeOf, type Place } from './geolocation';
import { mispEventSignature } from './event-signature';
import type { MispEvent, MispObject } from './schema';
import { strictestTagTlp, tlpOfTag } from './tlp-tags';

/** The shared facts of one event. */
export interface EventContext {
  uuid: string;
  info: string;
  /** When the event last changed, ms since the epoch. */
  changedAt: number;
  signature: string;
  tlp?: Tlp;
  sectors: Sector[];
  severity: Severity;
  tags: string[];
  /** The organisation that created the event. */
  creator?: string;
  /** Places from geolocation objects, by the uuid of the object they are linked to. */
  placeFor: Map<string, Place>;
}

// A galaxy cluster as a tag: misp-galaxy:<galaxy type>="<cluster value>".
const GALAXY_TAG = /^misp-galaxy:([^=]{1,100})="(.*)"$/;
const SECTOR_GALAXY = 'sector';

/** MISP's threat levels: 1 high, 2 medium, 3 low, 4 undefined (read as medium). */
const THREAT_LEVELS: Readonly<Record<string, Severity>> = {
  '1': 'high',
  '2': 'medium',
  '3': 'low',
};

/** The shared facts of `event`, whose objects were checked into `objects`. */
export function eventContext(event: MispEvent, objects: readonly MispObject[]): EventContext {
  const tagNames = [...event.Tag, ...event.EventTag.map((wrapped) => wrapped.Tag)].map(
    (tag) => tag.name,
  );
  const sectorNames: string[] = [];
  const tags: string[] = [];
  // Clusters come as tags, as Galaxy entries, or both: both are read the same way.
  const clusters: [string, string][] = [];
  for (const name of tagNames) {
    const cluster = GALAXY_TAG.exec(name.trim());
    if (cluster) clusters.push([cluster[1] as string, cluster[2] as string]);
    else if (!tlpOfTag(name)) tags.push(name);
  }
  for (const galaxy of event.Galaxy) {
    for (const cluster of galaxy.GalaxyCluster) clusters.push([galaxy.type, cluster.value]);
  }
  for (const [type, value] of clusters) {
    if (type === SECTOR_GALAXY) sectorNames.push(value);
    else tags.push(`${type}:${value}`);
  }
  const sectors = new Set<Sector>();
  for (const name of sectorNames) {
    const mapped = sectorsOfGalaxyValue(name);
    if (mapped.length === 0) tags.push(`sector:${name}`);
    for (const sector of mapped) sectors.add(sector);
  }
  return {
    uuid: event.uuid,
    info: event.info.trim() || `MISP event ${event.uuid}`,
    changedAt: event.timestamp,
    signature: mispEventSignature(event.uuid),
    tlp: strictestTagTlp(tagNames),
    sectors: [...sectors],
    severity: THREAT_LEVELS[String(event.threat_level_id)] ?? 'medium',
    tags,
    ...(event.Orgc?.name ? { creator: event.Orgc.name } : {}),
    placeFor: placesByLink(objects),
  };
}

/**
 * Each geolocation object places what it refers to and what refers to it
 * (MISP links either way, e.g. an ip-port object "located-at" a place).
 */
function placesByLink(objects: readonly MispObject[]): Map<string, Place> {
  const places = new Map<string, Place>();
  const geolocations = new Map<string, Place>();
  for (const object of objects) {
    const place = object.name === GEOLOCATION_OBJECT ? placeOf(object) : undefined;
    if (!place) continue;
    geolocations.set(object.uuid, place);
    for (const reference of object.ObjectReference) places.set(reference.referenced_uuid, place);
  }
  for (const object of objects) {
    for (const reference of object.ObjectReference) {
      const place = geolocations.get(reference.referenced_uuid);
      if (place) places.set(object.uuid, place);
    }
  }
  return places;
}
