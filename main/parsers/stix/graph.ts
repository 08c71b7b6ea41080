/**
 * The lookups one STIX document needs while its objects are turned into
 * alerts: objects by id, relationships by source, and TLP by marking id.
 */
import type { Tlp } from '../../../shared/vocab';
import { stringField, stringsField } from '../fields';
import { markingTable } from './markings';
import type { StixObject } from './objects';

/** Lookups over one document's objects. */
export interface StixGraph {
  byId: ReadonlyMap<string, StixObject>;
  /** Relationship objects by their source_ref. */
  relationshipsFrom: ReadonlyMap<string, readonly StixObject[]>;
  /** TLP level by marking-definition id. */
  markings: ReadonlyMap<string, Tlp>;
  /** Ids of observed-data that some sighting refers to (the sighting stands for them). */
  sightedObservedData: ReadonlySet<string>;
}

/** Builds the lookups of a document's checked objects. */
export function buildGraph(objects: readonly StixObject[]): StixGraph {
  const byId = new Map<string, StixObject>();
  const relationshipsFrom = new Map<string, StixObject[]>();
  const sightedObservedData = new Set<string>();
  for (const object of objects) {
    byId.set(object.id, object);
    if (object.type === 'relationship') {
      const source = stringField(object, 'source_ref');
      if (source !== undefined) {
        const list = relationshipsFrom.get(source);
        if (list) list.push(object);
        else relationshipsFrom.set(source, [object]);
      }
    } else if (object.type === 'sighting') {
      for (const ref of stringsField(object, 'observed_data_refs')) sightedObservedData.add(ref);
    }
  }
  return { byId, relationshipsFrom, markings: markingTable(objects), sightedObservedData };
}

/** Ids that `id` points to through relationships of `relationshipType`. */
export function relatedIds(graph: StixGraph, id: string, relationshipType: string): string[] {
  const ids: string[] = [];
  for (const relationship of graph.relationshipsFrom.get(id) ?? []) {
    const target = stringField(relationship, 'target_ref');
    if (
      stringField(relationship, 'relationship_type') === relationshipType &&
      target !== undefined
    ) {
      ids.push(target);
    }
  }
  return ids;
}

/** The objects of the document that `ids` name; ids of absent objects are skipped. */
export function resolve(graph: StixGraph, ids: Iterable<string>): StixObject[] {
  const found: StixObject[] = [];
  for (const id of ids) {
    const object = graph.byId.get(id);
    if (object) found.push(object);
  }
  return found;
}
