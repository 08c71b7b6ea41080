/**
 * MISP sightings of an indicator as alerts of kind 'sighting'. Only type 0
 * (seen) makes an alert: type 1 says the indicator was a false positive,
 * type 2 that it expired, and both are counted instead.
 */
import { alertId } from '../alert-id';
import { boundTags, truncate } from '../text';
import type { ParsedAlert } from '../types';
import { MAX_MISP_TAGS } from './indicator';
import { issueReason, MispSightingSchema, type MispSighting } from './schema';

/** What the sightings of one indicator gave. */
export interface SightingAlerts {
  alerts: ParsedAlert[];
  rejected: { index: number; reason: string; raw: string }[];
  /** Sightings that make no alert, by kind. */
  ignored: string[];
}

const NOT_SEEN: Readonly<Record<string, string>> = {
  '1': 'sighting false-positive',
  '2': 'sighting expiration',
};

/** The sighting alerts of `indicator` (an alert the same event made) from MISP's `sightings`. */
export function sightingAlerts(
  indicator: ParsedAlert,
  attributeUuid: string,
  sightings: readonly unknown[],
): SightingAlerts {
  const found: SightingAlerts = { alerts: [], rejected: [], ignored: [] };
  for (const [index, item] of sightings.entries()) {
    const raw = JSON.stringify(item);
    const checked = MispSightingSchema.safeParse(item);
    if (!checked.success) {
      found.rejected.push({ index, reason: `sighting: ${issueReason(checked.error)}`, raw });
      continue;
    }
    const notSeen = NOT_SEEN[String(checked.data.type)];
    if (notSeen) found.ignored.push(notSeen);
    else found.alerts.push(sightingAlert(indicator, attributeUuid, checked.data, raw));
  }
  return found;
}

function sightingAlert(
  indicator: ParsedAlert,
  attributeUuid: string,
  sighting: MispSighting,
  raw: string,
): ParsedAlert {
  const source = sighting.source?.trim();
  const organisation = sighting.Organisation?.name.trim();
  // Sightings without a uuid (older MISP) are told apart by when and by whom.
  const nativeId = sighting.uuid ?? `${attributeUuid}@${sighting.date_sighting}@${source ?? ''}`;
  return {
    ...indicator,
    id: alertId('misp', `sighting:${nativeId}`),
    kind: 'sighting',
    observedAt: sighting.date_sighting,
    title: truncate(`Sighting of ${indicator.title}`, 500),
    ...(organisation ? { destination: { organisation: truncate(organisation, 200) } } : {}),
    tags: boundTags([source && `sighting-source:${source}`, ...indicator.tags], MAX_MISP_TAGS),
    raw,
  };
}
