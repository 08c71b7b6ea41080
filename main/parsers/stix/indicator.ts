/**
 * A STIX indicator as an alert of kind 'indicator': the observable it
 * describes is the malicious source, the identities it (or what it
 * indicates) targets are the victims.
 */
import { alertId } from '../alert-id';
import { stringField, stringsField } from '../fields';
import { boundTags } from '../text';
import {
  MAX_STIX_TAGS,
  firstTimestamp,
  indicatorCategory,
  indicatorObservables,
  indicatorTitle,
  severityFromConfidence,
  type BuildResult,
} from './common';
import { provenanceOfAll, related, resolve, type StixGraph } from './graph';
import { alertTlp, joinProvenance, objectProvenance } from './markings';
import { placeObservables } from './observables';
import { rawOf, type StixObject } from './objects';
import { victimsTargetedBy, withReporter } from './victims';

// What an indicator can indicate that has a name worth a tag.
const NAMED_THREATS = new Set(['malware', 'threat-actor', 'intrusion-set', 'campaign', 'tool']);

/** The alert of one indicator, or why its timestamps make it unusable. */
export function indicatorAlert(indicator: StixObject, graph: StixGraph): BuildResult {
  const time = firstTimestamp(indicator, ['valid_from', 'created', 'modified']);
  if (!time.ok) return time;
  const placed = placeObservables(indicatorObservables(indicator));
  const indicates = related(graph, indicator.id, 'indicates');
  const indicated = indicates.ids;
  const sources = [indicator.id, ...indicated];
  const victims = withReporter(graph, indicator, victimsTargetedBy(graph, sources));
  const indicatedObjects = resolve(graph, indicated);
  const threats = indicatedObjects.flatMap((threat) => {
    const name = stringField(threat, 'name');
    return NAMED_THREATS.has(threat.type) && name ? [`${threat.type}:${name}`] : [];
  });
  const provenance = joinProvenance([
    objectProvenance(indicator, graph.markings),
    indicates.provenance,
    provenanceOfAll(graph, indicated),
    victims.provenance,
  ]);
  const tags = [
    ...stringsField(indicator, 'indicator_types'),
    ...stringsField(indicator, 'labels'),
    ...threats,
    ...placed.tags,
    ...victims.tags,
  ];
  return {
    ok: true,
    alert: {
      id: alertId('stix', indicator.id),
      kind: 'indicator',
      observedAt: time.at,
      severity: severityFromConfidence(indicator, 'medium'),
      title: indicatorTitle(indicator),
      category: indicatorCategory(indicator),
      source: placed.endpoint,
      destination: victims.destination,
      sectors: victims.sectors,
      ...alertTlp(provenance),
      tags: boundTags(tags, MAX_STIX_TAGS),
      signature: indicator.id,
      raw: rawOf(indicator),
    },
  };
}
