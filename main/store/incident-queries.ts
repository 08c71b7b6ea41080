/**
 * Reading incidents: the filtered triage list, one incident with its
 * timeline of analysts' changes, and its alerts in observed order.
 */
import type { IncidentDetail, IncidentFilter } from '../../shared/api';
import type { Alert, Incident, IncidentEvent } from '../../shared/model';
import type { Sector } from '../../shared/vocab';
import { ALERT_VIEW_COLUMNS, alertFromRow, type AlertRow } from './alert-row';
import { BY_ID } from './by-id';
import { SEVERITY_CODES, STATUS_CODES, TLP_CODES, fromCode, toCode } from './codes';
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

const ORDER: Record<NonNullable<IncidentFilter['sort']>, string> = {
  lastSeen: 'last_seen DESC',
  firstSeen: 'first_seen DESC',
  severity: 'severity DESC, last_seen DESC',
  alerts: 'alerts DESC, last_seen DESC',
};

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

/** LIKE pattern that matches `word` literally anywhere. */
const containing = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const TEXT_FIELDS = ['title', 'signature', 'target', 'source_network', 'id'];

function whereClause(filter: IncidentFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const where = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  const anyOf = <T>(column: string, codes: readonly T[], values: readonly T[] | undefined) => {
    if (!values?.length) return;
    where(
      `${column} IN (${values.map(() => '?').join(', ')})`,
      ...values.map((v) => toCode(codes, v)),
    );
  };
  const inList = (column: string, value: string | undefined) => {
    if (value !== undefined)
      where(`EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = ?)`, value);
  };
  anyOf('status', STATUS_CODES, filter.status);
  anyOf('severity', SEVERITY_CODES, filter.severity);
  anyOf('tlp', TLP_CODES, filter.tlp);
  if (filter.sector === 'unknown') where("sectors = '[]'");
  else inList('sectors', filter.sector);
  inList('countries', filter.country);
  inList('feeds', filter.feed);
  if (filter.from !== undefined) where('last_seen >= ?', filter.from);
  if (filter.to !== undefined) where('first_seen <= ?', filter.to);
  for (const word of (filter.text ?? '').split(/\s+/).filter(Boolean)) {
    const likes = TEXT_FIELDS.map((field) => `${field} LIKE ? ESCAPE '\\'`);
    where(`(${likes.join(' OR ')})`, ...TEXT_FIELDS.map(() => containing(word)));
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** The incidents that match `filter`, in its order. */
export function readIncidents(statements: Statements, filter: IncidentFilter): Incident[] {
  const { sql, params } = whereClause(filter);
  const order = ORDER[filter.sort ?? 'lastSeen'];
  const limit = filter.limit ?? DEFAULT_INCIDENT_LIMIT;
  const query = `SELECT ${COLUMNS} FROM incident_view ${sql} ORDER BY ${order} LIMIT ?`;
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

/** Up to `limit` alerts of incident `id` in observed order, within [from, to] if given. */
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
    .all(
      num,
      range.from ?? -Number.MAX_SAFE_INTEGER,
      range.to ?? Number.MAX_SAFE_INTEGER,
      range.limit,
    ) as AlertRow[];
  return rows.map(alertFromRow);
}
