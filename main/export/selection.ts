/**
 * What an export covers: the incidents of a selection with those of their
 * alerts marked at most the chosen TLP. Alerts are read page by page in
 * stored order, so an incident of any size is read in bounded steps and a
 * re-import meets them in the order they first arrived.
 *
 * Known shortcoming: the alerts read are kept in memory until the file is
 * written (the API hands the file over as one string), so one export takes
 * at most MAX_EXPORT_ALERTS alerts (the rest are counted as `truncated`, and
 * the analyst is told); a filtered export covers at most
 * MAX_EXPORT_INCIDENTS incidents, the incident list's bound. Streaming the
 * file out in pieces would lift both.
 */
import type { ExportSelection } from '../../shared/export';
import type { Alert, Incident } from '../../shared/model';
import { stricterTlp, tlpRank, type Tlp } from '../../shared/vocab';
import type { AlertCache } from '../store/alert-cache';
import { sourceIndicator, type SourceIndicator } from './source-indicator';

/** Alerts read from the cache at once. */
const PAGE_SIZE = 2000;

/** Most incidents one filtered export covers (the incident list's own bound). */
// Known shortcoming: a filter matching more incidents exports the newest of them only.
export const MAX_EXPORT_INCIDENTS = 1000;

/**
 * Most alerts one export holds: a STIX bundle of 100,000 alerts is ~150 MB
 * of text, and a string much longer than that brings V8 near its limit
 * (an export of 200,000 crashed serve mode before this bound).
 */
export const MAX_EXPORT_ALERTS = 100_000;

/** An incident as far as the export may show it: its alerts at or under the ceiling. */
export interface SelectedIncident {
  incident: Incident;
  /** In stored order; never empty. */
  alerts: Alert[];
  /** The STIX indicator the incident was made from, as its source wrote it. */
  source?: SourceIndicator;
}

/** What a selection gave: the incidents to export and how many alerts were left out. */
export interface Selected {
  incidents: SelectedIncident[];
  alerts: number;
  withheld: number;
  /** Alerts under the ceiling left out because the export reached MAX_EXPORT_ALERTS. */
  truncated: number;
}

/** Called after each page of alerts read, with the alerts read so far and those to read. */
export type ProgressListener = (read: number, total: number) => void;

/**
 * The selection's incidents, each with its alerts under `ceiling`. An
 * incident all of whose alerts lie above it is left out entirely, so not
 * even its existence is exported.
 */
export function selectForExport(
  cache: AlertCache,
  selection: ExportSelection,
  onProgress?: ProgressListener,
  maxAlerts = MAX_EXPORT_ALERTS,
): Selected {
  const allowed = tlpRank(selection.tlp);
  const selected: Selected = { incidents: [], alerts: 0, withheld: 0, truncated: 0 };
  const incidents = selectedIncidents(cache, selection);
  const total = incidents.reduce((sum, incident) => sum + incident.alerts, 0);
  let read = 0;
  for (const incident of incidents) {
    const alerts: Alert[] = [];
    for (let after = 0, more = true; more;) {
      const page = cache.incidentAlertsAfter(incident.id, after, PAGE_SIZE);
      for (const alert of page.alerts) {
        if (tlpRank(alert.tlp) > allowed) selected.withheld += 1;
        else if (selected.alerts + alerts.length < maxAlerts) alerts.push(alert);
        else selected.truncated += 1;
      }
      read += page.alerts.length;
      onProgress?.(read, total);
      more = page.alerts.length === PAGE_SIZE;
      after = page.lastSeq;
    }
    if (alerts.length === 0) continue;
    selected.alerts += alerts.length;
    const source = sourceIndicator(cache, alerts[0]!);
    selected.incidents.push({ incident, alerts, ...(source ? { source } : {}) });
  }
  return selected;
}

/**
 * The incidents named, or else those the filter finds, oldest first so an
 * export reads like the events did. Named incidents win over a filter.
 */
function selectedIncidents(cache: AlertCache, selection: ExportSelection): Incident[] {
  const { incidentIds, filter } = selection;
  if (incidentIds) {
    const unique = [...new Set(incidentIds)];
    return sortedByStart(unique.flatMap((id) => cache.incident(id)?.incident ?? []));
  }
  // An incident's TLP is that of its strictest alert; the ceiling applies per alert instead.
  const { tlp: _tlp, ...rest } = filter ?? {};
  return sortedByStart(cache.incidents({ ...rest, limit: rest.limit ?? MAX_EXPORT_INCIDENTS }));
}

function sortedByStart(incidents: Incident[]): Incident[] {
  return incidents.sort((a, b) => a.firstSeen - b.firstSeen || a.id.localeCompare(b.id));
}

/** The strictest TLP of some alerts; CLEAR for none. */
export function strictestOf(alerts: readonly Alert[]): Tlp {
  return alerts.reduce<Tlp>((tlp, alert) => stricterTlp(tlp, alert.tlp), 'clear');
}
