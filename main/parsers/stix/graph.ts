/**
 * The lookups one STIX document needs while its objects are turned into
 * alerts: objects by id, relationships by source and type, and TLP by
 * marking id, all built once so that no alert scans the document.
 */
import type { Tlp } from '../../../shared/vocab';
import { stringField, stringsField } from '../fields';
import {
  NOTHING_READ,
  joinProvenance,
  markingTable,
  objectProvenance,
  type Provenance,
} from './markings';
import type { StixObject } from './objects';

/** The targets of one object's relationships of one type. */
export interface Related {
  ids: readonly string[];
  /** Of the relationships: an alert that follows them tells what they say. */
  provenance: Provenance;
}

/** Lookups over one document's objects. */
export interface StixGraph {
  byId: ReadonlyMap<string, StixObject>;
  /** Relationships by source_ref and then relationship_type. */
  relatedFrom: ReadonlyMap<string, ReadonlyMap<string, Related>>;
  /** TLP level by marking-definition id. */
  markings: ReadonlyMap<string, Tlp>;
  /** Ids of observed-data that some sighting refers to (the sighting stands for them). */
  sightedObservedData: ReadonlySet<string>;
}

/** Builds the lookups of a document's checked objects. */
export function buildGraph(objects: readonly StixObject[]): StixGraph {
  const byId = new Map<string, StixObject>();
  const relatedFrom = new Map<string, Map<string, { ids: string[]; provenance: Provenance }>>();
  const sightedObservedData = new Set<string>();
  const markings = markingTable(objects);
  for (const object of objects) {
    byId.set(object.id, object);
    if (object.type === 'relationship') {
      const source = stringField(object, 'source_ref');
      const type = stringField(object, 'relationship_type');
      const target = stringField(object, 'target_ref');
      if (source === undefined || type === undefined || target === undefined) continue;
      const byType = relatedFrom.get(source) ?? new Map();
      relatedFrom.set(source, byType);
      const marked = objectProvenance(object, markings);
      const related = byType.get(type);
      if (related) {
        related.ids.push(target);
        related.provenance = joinProvenance([related.provenance, marked]);
      } else byType.set(type, { ids: [target], provenance: marked });
    } else if (object.type === 'sighting') {
      for (const ref of stringsField(object, 'observed_data_refs')) sightedObservedData.add(ref);
    }
  }
  return { byId, relatedFrom, markings, sightedObservedData };
}

const NOTHING_RELATED: Related = { ids: [], provenance: NOTHING_READ };

/** What `id` points to through relationships of `relationshipType`. */
export function related(graph: StixGraph, id: string, relationshipType: string): Related {
  return graph.relatedFrom.get(id)?.get(relationshipType) ?? NOTHING_RELATED;
}

/**
 * `answer` for one object id, computed once per document. Many alerts can
 * share an object (N indicators of one malware that targets M identities),
 * and working it out again for each would cost N×M.
 */
export function oncePerObject<T>(
  answer: (graph: StixGraph, id: string) => T,
): (graph: StixGraph, id: string) => T {
  // Keyed by the graph, so the answers go when the document does.
  const answers = new WeakMap<StixGraph, Map<string, T>>();
  return (graph, id) => {
    let known = answers.get(graph);
    if (!known) {
      known = new Map();
      answers.set(graph, known);
    }
    if (known.has(id)) return known.get(id) as T;
    const value = answer(graph, id);
    known.set(id, value);
    return value;
  };
}

/**
 * The provenance of data read from the object with this id (nothing when
 * the document does not hold it), once per object.
 */
export const provenanceOf = oncePerObject((graph, id): Provenance => {
  const object = graph.byId.get(id);
  return object ? objectProvenance(object, graph.markings) : NOTHING_READ;
});

/** The provenance of data read from the objects with these ids. */
export function provenanceOfAll(graph: StixGraph, ids: readonly string[]): Provenance {
  return joinProvenance(ids.map((id) => provenanceOf(graph, id)));
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
