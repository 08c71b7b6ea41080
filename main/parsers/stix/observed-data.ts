/**
 * What an observed-data object saw: its cyber observables, found through
 * object_refs (STIX 2.1) or embedded in `objects` (STIX 2.0), with the two
 * sides of any network-traffic kept apart.
 */
import { field, objectField, stringField, stringsField, type JsonObject } from '../fields';
import { validPort } from '../network';
import type { StixGraph } from './graph';
import { OBSERVABLE_TYPES, type Observable } from './patterns';

/** Observables by side, the traffic's ports, and a short description of each object seen. */
export interface Observed {
  sources: Observable[];
  destinations: Observable[];
  sourcePort?: number;
  destinationPort?: number;
  contents: string[];
}

// Enough for any real observation; a hostile one cannot make the work unbounded.
const MAX_OBJECTS = 100;

/** The observables of one observed-data object. */
export function observedBy(observedData: JsonObject, graph: StixGraph): Observed {
  const observed: Observed = { sources: [], destinations: [], contents: [] };
  const embedded = objectField(observedData, 'objects');
  const lookup = (ref: string): JsonObject | undefined => {
    const local = embedded && objectField(embedded, ref);
    return local ?? graph.byId.get(ref);
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
