/**
 * The incident queries as the API runs them, timed on a filled cache: the
 * triage list (listIncidents) newest first, filtered by severity and
 * country, and filtered by a country no incident has (the list then walks
 * every incident); and the timeline of the largest incident
 * (listIncidentAlerts); then time travel (window-run.ts). Each is the
 * AlertCache method the API handler calls, rows turned into incidents and
 * alerts included.
 */
import type { IncidentFilter } from '../shared/incident-filter';
import { AlertCache } from '../main/store/alert-cache';
import { timeRuns, type Timing } from './stats';
import { windowRun, type WindowTimings } from './window-run';

/** The list's largest page, as the API allows it. */
const LIST_LIMIT = 1000;

/** The timeline's largest page, as the API allows it. */
export const TIMELINE_LIMIT = 10_000;

/** A typical triage filter. */
export const FILTERED: IncidentFilter = {
  severity: ['critical', 'high'],
  country: 'RU',
  limit: LIST_LIMIT,
};

// A country code that no address is placed in.
const NO_MATCH: IncidentFilter = { ...FILTERED, country: 'XX' };

/** The timings of one query run. */
export interface QueryTimings {
  incidentList: Timing;
  incidentListFiltered: Timing;
  /** How many incidents the filtered list showed. */
  filteredIncidents: number;
  incidentListNoMatch: Timing;
  timeline: Timing;
  /** How many alerts the timed incident has. */
  timelineAlerts: number;
  /** Time travel: windowed pictures, alerts and replay steps. */
  window: WindowTimings;
}

/** Times each query `runs` times on the cache at `cachePath`. */
export function queryRun(cachePath: string, runs: number): QueryTimings {
  const cache = AlertCache.open(cachePath);
  try {
    const [largest] = cache.incidents({ sort: 'alerts', limit: 1 });
    if (!largest) throw new Error(`the cache ${cachePath} has no incidents to time`);
    return {
      incidentList: timeRuns(runs, () => cache.incidents({ limit: LIST_LIMIT })),
      incidentListFiltered: timeRuns(runs, () => cache.incidents(FILTERED)),
      filteredIncidents: cache.incidents(FILTERED).length,
      incidentListNoMatch: timeRuns(runs, () => cache.incidents(NO_MATCH)),
      timeline: timeRuns(runs, () => cache.incidentAlerts(largest.id, { limit: TIMELINE_LIMIT })),
      timelineAlerts: largest.alerts,
      window: windowRun(cache, runs),
    };
  } finally {
    cache.close();
  }
}
