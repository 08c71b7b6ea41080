/**
 * Reading incidents: the filtered triage list, one incident with its
 * timeline of analysts' changes, and its alerts in observed order.
 */
import type { IncidentDetail } from '../../shared/api';
import type { IncidentFilter } from '../../shared/incident-filter';
import type { Alert, Incident, IncidentEvent } from '../../shared/model';
import type { Sector } from '../../shared/vocab';
import { alertFromValues, type AlertValues } from './alert-read';
import { ALERT_VIEW_COLUMNS } from './alert-row';
import { BY_ID } from './by-id';
import { SEVERITY_CODES, STATUS_CODES, TLP_CODES, fromCode } from './codes';
import { INCIDENT_ORDER, incidentWhere } from './incident-filter';
import type { Statements } from './statements';

export const DEFAULT_INCIDENT_LIMIT = 200;

/** A row of incident_view as better-sqlite3 returns it. */
export interface IncidentRow {
  num: number;
  id: string;
  title: string;
  signature: string | null;
  target: string | null;
  source_network: string | null;
  status: number;
  severity: number;
  first_seen: number;
  last_seen: number;
  alerts: number;
  countries: string;
  sectors: string;
  feeds: string;
  tlp: number;
  assignee: string | null;
  updated_at: number;
}

const COLUMNS = `num, id, title, signature, target, source_network, status, severity,
  first_seen, last_seen, alerts, countries, sectors, feeds, tlp, assignee, updated_at`;

function incidentFromRow(row: IncidentRow): Incident {
  return {
    id: row.id,
    title: row.title,
    ...(row.signature === null ? {} : { signature: row.signature }),
    ...(row.target === null ? {} : { target: row.target }),
    ...(row.source_network === null ? {} : { sourceNetwork: row.source_network }),
    status: fromCode(STATUS_CODES, row.status),
    severity: fromCode(SEVERITY_CODES, row.severity),
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    alerts: row.alerts,
    countries: JSON.parse(row.countries) as string[],
    sectors: JSON.parse(row.sectors) as Sector[],
    feeds: JSON.parse(row.feeds) as string[],
    tlp: fromCode(TLP_CODES, row.tlp),
    ...(row.assignee === null ? {} : { assignee: row.assignee }),
    updatedAt: row.updated_at,
  };
}

/** The incidents that match `filter`, in its order. */
export function readIncidents(statements: Statements, filter: IncidentFilter): Incident[] {
  const { sql, params } = incidentWhere(filter);
  const order = INCIDENT_ORDER[filter.sort ?? 'lastSeen'];
  const limit = filter.limit ?? DEFAULT_INCIDENT_LIMIT;
  // The inner query picks the page from the incidents table and its indexes
  // alone; SQLite would otherwise join the texts of every match before
  // sorting, the thousands it drops included.
  const query = `SELECT ${COLUMNS} FROM incident_view
    WHERE num IN (SELECT num FROM incidents i ${sql} ORDER BY ${order} LIMIT ?)
    ORDER BY ${order}`;
  return (statements.get(query).all(...params, limit) as IncidentRow[]).map(incidentFromRow);
}

/** The number of incident `id`, or undefined when there is none. */
export function incidentNum(statements: Statements, id: string): number | undefined {
  const num = statements.get(`SELECT num FROM incidents WHERE ${BY_ID}`).pluck().get({ id });
  return typeof num === 'number' ? num : undefined;
}

/** Incident `id` with its timeline of changes, or null. */
export function readIncidentDetail(statements: Statements, id: string): IncidentDetail | null {
  const row = statements.get(`SELECT ${COLUMNS} FROM incident_view WHERE ${BY_ID}`).get({ id }) as
    IncidentRow | undefined;
  if (!row) return null;
  const events = statements
    .get(
      `SELECT id, at, author, kind, value, previous FROM incident_events
       WHERE incident = ? ORDER BY at, id`,
    )
    .all(row.num) as (Omit<IncidentEvent, 'previous'> & { previous: string | null })[];
  return {
    incident: incidentFromRow(row),
    events: events.map(({ previous, ...event }) =>
      previous === null ? event : { ...event, previous },
    ),
  };
}

/**
 * Up to `limit` alerts of incident `id` in observed order, within [from, to] if given.
 *
 * Known shortcoming: with a million alerts in the cache, 10,000 alerts of
 * one incident take about 100 ms (`npm run bench`, 2-core VM), twice the
 * 50 ms target. The incident's alerts lie scattered over the whole table,
 * alerts_by_incident yields them unsorted so every alert of the incident,
 * in the window or not, is read and sorted, and better-sqlite3 hands over
 * each of the ~40 columns of each row separately. An index on (incident,
 * observed_at) would spare the sort and make a window cost its own size,
 * but its 6 bytes more per alert break the 300-byte budget.
 */
export function readIncidentAlerts(
  statements: Statements,
  id: string,
  range: { from?: number; to?: number; limit: number },
): Alert[] {
  const num = incidentNum(statements, id);
  if (num === undefined) return [];
  const sql = `SELECT ${ALERT_VIEW_COLUMNS} FROM alert_view
    WHERE incident = ? AND observed_at >= ? AND observed_at <= ?
    ORDER BY observed_at, seq LIMIT ?`;
  const rows = statements
    .get(sql)
    .raw()
    .all(
      num,
      range.from ?? -Number.MAX_SAFE_INTEGER,
      range.to ?? Number.MAX_SAFE_INTEGER,
      range.limit,
    ) as AlertValues[];
  return rows.map(alertFromValues);
}
