/**
 * What an observed-data object saw: its cyber observables, found through
 * object_refs (STIX 2.1) or embedded in `objects` (STIX 2.0), with the two
 * sides of any network-traffic kept apart.
 */
import { field, objectField, stringField, stringsField, type JsonObject } from '../fields';
import { validPort } from '../network';
import { oncePerObject, provenanceOf, type StixGraph } from './graph';
import {
  NOTHING_READ,
  joinProvenance,
  objectProvenance,
  objectTlp,
  type Provenance,
} from './markings';
import { OBSERVABLE_TYPES, type Observable } from './patterns';

/** Observables by side, the traffic's ports, and a short description of each object seen. */
export interface Observed {
  sources: Observable[];
  destinations: Observable[];
  sourcePort?: number;
  destinationPort?: number;
  contents: string[];
  /** Of the observed-data object and of every object read through it. */
  provenance: Provenance;
}

// Enough for any real observation; a hostile one cannot make the work unbounded.
const MAX_OBJECTS = 100;

/**
 * The observables of the observed-data object with this id, read once per
 * document however many sightings refer to it.
 */
export const observedBy = oncePerObject((graph, id): Observed => {
  const observedData = graph.byId.get(id);
  return observedData
    ? observe(observedData, graph)
    : { sources: [], destinations: [], contents: [], provenance: NOTHING_READ };
});

function observe(observedData: JsonObject, graph: StixGraph): Observed {
  const observed: Observed = {
    sources: [],
    destinations: [],
    contents: [],
    provenance: objectProvenance(observedData, graph.markings),
  };
  const embedded = objectField(observedData, 'objects');
  // An embedded (STIX 2.0) object is under the observed data's marking, and any of its own.
  const provenance = (ref: string, local?: JsonObject): Provenance => {
    if (!local) return provenanceOf(graph, ref);
    const tlp = objectTlp(local, graph.markings);
    return tlp ? { tlp } : NOTHING_READ;
  };
  // Every object looked up is read from, so its marking joins the observation's.
  const lookup = (ref: string): JsonObject | undefined => {
    const local = embedded && objectField(embedded, ref);
    const object = local ?? graph.byId.get(ref);
    if (object) observed.provenance = joinProvenance([observed.provenance, provenance(ref, local)]);
    return object;
  };
  const refs = embedded ? Object.keys(embedded) : stringsField(observedData, 'object_refs');
  const objects = refs
    .slice(0, MAX_OBJECTS)
    .map(lookup)
    .filter((object) => object !== undefined);
  // Traffic first, so that its addresses are known on their side before plain ones are read.
  const isTraffic = (object: JsonObject) => stringField(object, 'type') === 'network-traffic';
  for (const object of objects.filter(isTraffic)) addTraffic(observed, object, lookup);
  for (const object of objects.filter((object) => !isTraffic(object))) addObject(observed, object);
  return observed;
}

function addTraffic(
  observed: Observed,
  traffic: JsonObject,
  lookup: (ref: string) => JsonObject | undefined,
): void {
  const source = refObservable(traffic, 'src_ref', lookup);
  const destination = refObservable(traffic, 'dst_ref', lookup);
  if (source) observed.sources.push(source);
  if (destination) observed.destinations.push(destination);
  observed.sourcePort ??= validPort(field(traffic, 'src_port'));
  observed.destinationPort ??= validPort(field(traffic, 'dst_port'));
  observed.contents.push(`network-traffic ${source?.value ?? '?'} → ${destination?.value ?? '?'}`);
}

function addObject(observed: Observed, object: JsonObject): void {
  const type = stringField(object, 'type');
  if (type === undefined) return;
  const observable = asObservable(object);
  const known = [...observed.sources, ...observed.destinations];
  if (observable && !known.some((seen) => seen.value === observable.value)) {
    observed.sources.push(observable);
  }
  const label =
    stringField(object, 'value') ?? stringField(object, 'name') ?? stringField(object, 'key');
  observed.contents.push(label === undefined ? type : `${type} ${label}`);
}

function refObservable(
  traffic: JsonObject,
  key: string,
  lookup: (ref: string) => JsonObject | undefined,
): Observable | undefined {
  const ref = stringField(traffic, key);
  const target = ref === undefined ? undefined : lookup(ref);
  return target && asObservable(target);
}

function asObservable(object: JsonObject): Observable | undefined {
  const type = OBSERVABLE_TYPES.find((known) => known === stringField(object, 'type'));
  const value = stringField(object, 'value');
  return type && value ? { type, value } : undefined;
}
