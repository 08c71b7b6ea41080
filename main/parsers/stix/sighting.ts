/**
 * A STIX sighting as an alert of kind 'sighting': what was seen comes from
 * sighting_of_ref and the observed data, where it was seen (the victim)
 * from where_sighted_refs.
 */
import type { Endpoint } from '../../../shared/model';
import type { Severity } from '../../../shared/vocab';
import { alertId } from '../alert-id';
import { field, stringField, stringsField } from '../fields';
import { boundTags, normalizeCategory, truncate } from '../text';
import {
  MAX_STIX_TAGS,
  firstTimestamp,
  indicatorCategory,
  indicatorObservables,
  indicatorTitle,
  severityFromConfidence,
  type BuildResult,
} from './common';
import { oncePerObject, provenanceOf, resolve, type StixGraph } from './graph';
import { restoredAlert } from './lagebild-extension';
import { alertTlp, joinProvenance, objectProvenance } from './markings';
import { placeObservables, withPort, type PlacedObservables } from './observables';
import { rawOf, type StixObject } from './objects';
import { observedBy, type Observed } from './observed-data';
import { openCtiSighting } from './opencti';
import { victimsOf, withReporter } from './victims';

/**
 * The alert of one sighting, or why its timestamps make it unusable.
 * `trustLagebildIds` keeps the alert id a Lagebild export's extension names.
 */
export function sightingAlert(
  sighting: StixObject,
  graph: StixGraph,
  trustLagebildIds = false,
): BuildResult {
  // A Lagebild export's sighting carries the alert it stands for.
  const exported = restoredAlert(sighting, graph.markings, trustLagebildIds);
  if (exported) return exported;
  const time = firstTimestamp(sighting, ['first_seen', 'last_seen', 'created', 'modified']);
  if (!time.ok) return time;
  const ref = stringField(sighting, 'sighting_of_ref');
  const sighted = ref === undefined ? undefined : graph.byId.get(ref);
  const opencti = openCtiSighting(sighting);
  const observedData = resolve(graph, stringsField(sighting, 'observed_data_refs')).filter(
    (object) => object.type === 'observed-data',
  );
  const observed = observedData.map((object) => observedBy(graph, object.id));
  const whereSighted = stringsField(sighting, 'where_sighted_refs');
  const victims = withReporter(graph, sighting, victimsOf(graph, whereSighted));
  const place = victims.destination ?? countryOnly(opencti.countries);
  const sides = sidesOf(graph, sighted, observed, place);
  const provenance = joinProvenance([
    objectProvenance(sighting, graph.markings),
    sighted && provenanceOf(graph, sighted.id),
    ...observed.map((item) => item.provenance),
    victims.provenance,
  ]);
  const count = field(sighting, 'count');
  const tags = [
    typeof count === 'number' ? `count:${count}` : undefined,
    ...sides.tags,
    ...victims.tags,
    ...observed.flatMap((item) => item.contents.map((content) => `observed:${content}`)),
  ];
  return {
    ok: true,
    alert: {
      id: alertId('stix', sighting.id),
      kind: 'sighting',
      observedAt: time.at,
      severity: severityFromConfidence(sighting, sightedSeverity(sighted)),
      title: truncate(`Sighting of ${sightedName(graph, sighted, ref, opencti.sightedValue)}`, 500),
      category: sightedCategory(graph, sighted, opencti.sightedType),
      source: sides.source,
      destination: sides.destination,
      sectors: victims.sectors,
      ...alertTlp(provenance),
      tags: boundTags(tags, MAX_STIX_TAGS),
      signature: ref === undefined ? undefined : truncate(ref, 300),
      raw: rawOf(sighting),
    },
  };
}

/**
 * What was seen (the source) and where (the destination): addresses from
 * the observed data, else the sighted indicator's own observable; the
 * place where it was sighted joins the observed destination address.
 */
function sidesOf(
  graph: StixGraph,
  sighted: StixObject | undefined,
  observed: Observed[],
  place?: Endpoint,
): { source?: Endpoint; destination?: Endpoint; tags: string[] } {
  const fromObserved = placeObservables(observed.flatMap((item) => item.sources));
  const source =
    fromObserved.endpoint || sighted?.type !== 'indicator'
      ? fromObserved
      : indicatorPlaced(graph, sighted.id);
  const target = placeObservables(observed.flatMap((item) => item.destinations));
  const traffic = observed.find(
    (item) => item.sourcePort !== undefined || item.destinationPort !== undefined,
  );
  const address = withPort(target.endpoint, traffic?.destinationPort);
  return {
    source: withPort(source.endpoint, traffic?.sourcePort),
    destination: address || place ? { ...place, ...address } : undefined,
    tags: [...source.tags, ...target.tags],
  };
}

// Many sightings can see one indicator: its pattern and names are read once.
const indicatorPlaced = oncePerObject((graph, id): PlacedObservables => {
  const indicator = graph.byId.get(id);
  return placeObservables(indicator ? indicatorObservables(indicator) : []);
});
const indicatorNames = oncePerObject((graph, id) => {
  const indicator = graph.byId.get(id) ?? { id };
  return { title: indicatorTitle(indicator), category: indicatorCategory(indicator) };
});

function countryOnly(countries: string[]): Endpoint | undefined {
  const [country] = countries;
  return country === undefined ? undefined : { country };
}

function sightedName(
  graph: StixGraph,
  sighted: StixObject | undefined,
  ref?: string,
  value?: string,
): string {
  if (sighted?.type === 'indicator') return indicatorNames(graph, sighted.id).title;
  const name = sighted && stringField(sighted, 'name')?.trim();
  return name || value?.trim() || ref || 'unknown object';
}

function sightedCategory(
  graph: StixGraph,
  sighted: StixObject | undefined,
  openCtiType?: string,
): string {
  if (sighted?.type === 'indicator') return indicatorNames(graph, sighted.id).category;
  const type = sighted?.type ?? openCtiType?.trim();
  return type ? normalizeCategory(type) : 'sighting';
}

/** A sighting without its own confidence is as severe as the indicator it saw. */
function sightedSeverity(sighted: StixObject | undefined): Severity {
  return sighted?.type === 'indicator' ? severityFromConfidence(sighted, 'medium') : 'medium';
}
