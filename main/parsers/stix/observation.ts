/**
 * Observed data that no sighting stands for, as an alert of kind
 * 'sighting' of its own: someone saw these observables.
 */
import { alertId } from '../alert-id';
import { field } from '../fields';
import { boundTags, truncate } from '../text';
import { MAX_STIX_TAGS, firstTimestamp, severityFromConfidence, type BuildResult } from './common';
import type { StixGraph } from './graph';
import { alertTlp, joinProvenance } from './markings';
import { placeObservables, withPort } from './observables';
import { rawOf, type StixObject } from './objects';
import { observedBy } from './observed-data';
import { NO_VICTIMS, withReporter } from './victims';

/** The alert of one observed-data object, or why its timestamps make it unusable. */
export function observationAlert(observedData: StixObject, graph: StixGraph): BuildResult {
  const keys = ['first_observed', 'last_observed', 'created', 'modified'];
  const time = firstTimestamp(observedData, keys);
  if (!time.ok) return time;
  const observed = observedBy(graph, observedData.id);
  const source = placeObservables(observed.sources);
  const target = placeObservables(observed.destinations);
  const victims = withReporter(graph, observedData, NO_VICTIMS);
  const count = field(observedData, 'number_observed');
  const tags = [
    typeof count === 'number' ? `count:${count}` : undefined,
    ...source.tags,
    ...target.tags,
    ...victims.tags,
  ];
  const contents = observed.contents.join(', ');
  return {
    ok: true,
    alert: {
      id: alertId('stix', observedData.id),
      kind: 'sighting',
      observedAt: time.at,
      severity: severityFromConfidence(observedData, 'low'),
      title: truncate(contents ? `Observed data: ${contents}` : 'Observed data', 500),
      category: 'observed-data',
      source: withPort(source.endpoint, observed.sourcePort),
      destination: withPort(target.endpoint, observed.destinationPort),
      sectors: victims.sectors,
      // The observation's provenance holds the observed data's own marking.
      ...alertTlp(joinProvenance([observed.provenance, victims.provenance])),
      tags: boundTags(tags, MAX_STIX_TAGS),
      raw: rawOf(observedData),
    },
  };
}
