/**
 * An incident's aggregates as correlation keeps them while alerts arrive:
 * severity, time span, counts and the sets of countries, sectors and feeds.
 * Status and assignee are the analysts' and are never written from here.
 */
import type { Alert } from '../../shared/model';
import { severityRank, tlpRank } from '../../shared/vocab';
import type { CorrelationKey } from './correlation-key';

export interface IncidentState {
  num: number;
  id: string;
  key: CorrelationKey;
  title: string;
  severity: number;
  firstSeen: number;
  lastSeen: number;
  alerts: number;
  countries: Set<string>;
  sectors: Set<string>;
  feeds: Set<string>;
  tlp: number;
  /** Not yet in the incidents table. */
  isNew: boolean;
  /** Changed since it was last written. */
  dirty: boolean;
}

/** Whether an alert observed at `at` falls inside the incident or within its key's gap of it. */
export function reaches(state: IncidentState, at: number): boolean {
  const { gapMs } = state.key;
  return at >= state.firstSeen - gapMs && at <= state.lastSeen + gapMs;
}

/** A new, empty incident for `key`, named after its first alert. */
export function newIncident(
  num: number,
  id: string,
  key: CorrelationKey,
  first: Alert,
): IncidentState {
  return {
    num,
    id,
    key,
    title: first.title,
    severity: 0,
    firstSeen: first.observedAt,
    lastSeen: first.observedAt,
    alerts: 0,
    countries: new Set(),
    sectors: new Set(),
    feeds: new Set(),
    tlp: 0,
    isNew: true,
    dirty: true,
  };
}

/** Adds one alert to the aggregates. */
export function addAlert(state: IncidentState, alert: Alert): void {
  state.severity = Math.max(state.severity, severityRank(alert.severity));
  state.firstSeen = Math.min(state.firstSeen, alert.observedAt);
  state.lastSeen = Math.max(state.lastSeen, alert.observedAt);
  state.alerts += 1;
  for (const country of [alert.source?.country, alert.destination?.country]) {
    if (country !== undefined) state.countries.add(country);
  }
  for (const sector of alert.sectors) state.sectors.add(sector);
  state.feeds.add(alert.feed);
  state.tlp = Math.max(state.tlp, tlpRank(alert.tlp));
  state.dirty = true;
}
