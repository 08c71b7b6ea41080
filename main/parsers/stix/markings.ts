/**
 * TLP markings of STIX objects: the well-known TLP 1.0 and 2.0 marking
 * definitions, definitions carried in the document, the most restrictive
 * level among an object's object and granular markings, and the
 * provenance an alert owes every object it copies from.
 */
import { parseTlpName, stricterTlp, type Tlp } from '../../../shared/vocab';
import {
  field,
  objectField,
  objectsField,
  stringField,
  stringsField,
  type JsonObject,
} from '../fields';
import type { ParsedAlert } from '../types';

/** The TLP 2.0 property extension of marking definitions (STIX common objects). */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

/** Marking definitions whose ids the STIX spec and the TLP 2.0 extension fix. */
export const WELL_KNOWN_TLP: ReadonlyMap<string, Tlp> = new Map<string, Tlp>([
  // TLP 1.0, STIX 2.1 section 7.2.1.4
  ['marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9', 'clear'],
  ['marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', 'green'],
  ['marking-definition--f88d31f6-486f-44da-b317-01333bde0b82', 'amber'],
  ['marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed', 'red'],
  // TLP 2.0
  ['marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', 'clear'],
  ['marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', 'green'],
  ['marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', 'amber'],
  ['marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003', 'amber+strict'],
  ['marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', 'red'],
]);

/**
 * The TLP level a marking-definition object states: by the TLP 2.0
 * extension, by a TLP 1.0 `definition.tlp`, by a name like
 * "TLP:AMBER+STRICT", or by a well-known id. Undefined for other markings.
 */
export function markingTlp(definition: JsonObject): Tlp | undefined {
  const extension = objectField(objectField(definition, 'extensions') ?? {}, TLP2_EXTENSION_ID);
  const tlp2 = extension && stringField(extension, 'tlp_2_0');
  const tlp1 =
    stringField(definition, 'definition_type') === 'tlp'
      ? stringField(objectField(definition, 'definition') ?? {}, 'tlp')
      : undefined;
  const name = stringField(definition, 'name');
  for (const text of [tlp2, tlp1, name]) {
    const level = text === undefined ? undefined : parseTlpName(text);
    if (level) return level;
  }
  const id = stringField(definition, 'id');
  return id === undefined ? undefined : WELL_KNOWN_TLP.get(id);
}

/**
 * Marking id → TLP level for a document: its own TLP definitions plus the
 * well-known ones, which a document cannot redefine.
 */
export function markingTable(objects: readonly JsonObject[]): Map<string, Tlp> {
  const table = new Map<string, Tlp>();
  for (const object of objects) {
    const id = stringField(object, 'id');
    if (stringField(object, 'type') !== 'marking-definition' || id === undefined) continue;
    const level = markingTlp(object);
    if (level) table.set(id, level);
  }
  for (const [id, level] of WELL_KNOWN_TLP) table.set(id, level);
  return table;
}

/**
 * The most restrictive TLP among the object's object_marking_refs and
 * granular_markings, or undefined when it carries none that is TLP.
 */
export function objectTlp(object: JsonObject, table: ReadonlyMap<string, Tlp>): Tlp | undefined {
  const refs = [
    ...stringsField(object, 'object_marking_refs'),
    ...objectsField(object, 'granular_markings').map((marking) => field(marking, 'marking_ref')),
  ];
  return strictestLevel(refs.map((ref) => (typeof ref === 'string' ? table.get(ref) : undefined)));
}

/**
 * The most restrictive of `levels`, or undefined when none is set.
 */
function strictestLevel(levels: Iterable<Tlp | undefined>): Tlp | undefined {
  let strictest: Tlp | undefined;
  for (const level of levels) {
    if (level) strictest = strictest ? stricterTlp(strictest, level) : level;
  }
  return strictest;
}

/**
 * The TLP owed to the objects some data was read from: the most
 * restrictive of their markings, and whether one of them carried none
 * (that part has the feed's default, which only the ingest knows). An
 * alert that copies a name, an address or a place from another object
 * carries that object's marking too, or a RED indicator's name could
 * leave in a sighting marked CLEAR; so whatever reads objects for an
 * alert hands back their provenance with what it read.
 */
export interface Provenance {
  tlp?: Tlp;
  unmarked?: boolean;
}

/** The provenance of nothing read. */
export const NOTHING_READ: Provenance = {};

/** The provenance of data read from this object. */
export function objectProvenance(object: JsonObject, table: ReadonlyMap<string, Tlp>): Provenance {
  const tlp = objectTlp(object, table);
  return tlp ? { tlp } : { unmarked: true };
}

/** The provenance of data read from all of `parts`. */
export function joinProvenance(parts: Iterable<Provenance | undefined>): Provenance {
  let tlp: Tlp | undefined;
  let unmarked = false;
  for (const part of parts) {
    if (part?.tlp) tlp = tlp ? stricterTlp(tlp, part.tlp) : part.tlp;
    if (part?.unmarked) unmarked = true;
  }
  return { ...(tlp ? { tlp } : {}), ...(unmarked ? { unmarked } : {}) };
}

/** The TLP fields of an alert made from data of this provenance. */
export function alertTlp(provenance: Provenance): Pick<ParsedAlert, 'tlp' | 'partlyUnmarked'> {
  const { tlp, unmarked } = provenance;
  if (!tlp) return {};
  return unmarked ? { tlp, partlyUnmarked: true } : { tlp };
}
