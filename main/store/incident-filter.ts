/**
 * The triage list's filter as SQL over the incidents table (aliased `i`).
 * Conditions read the table's own columns, so that severity and country
 * are tested on incidents_by_last_seen_covering alone, and texts are
 * joined only for the incidents listed.
 */
import type { IncidentFilter } from '../../shared/incident-filter';
import { SEVERITY_CODES, STATUS_CODES, TLP_CODES, toCode } from './codes';

/** The columns each sort orders by, most significant first. */
export const INCIDENT_ORDER: Record<NonNullable<IncidentFilter['sort']>, string> = {
  lastSeen: 'last_seen DESC',
  firstSeen: 'first_seen DESC',
  severity: 'severity DESC, last_seen DESC',
  alerts: 'alerts DESC, last_seen DESC',
};

/** LIKE pattern that matches `word` literally anywhere. */
const containing = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const textOf = (column: string) => `(SELECT text FROM texts WHERE id = i.${column})`;

// What the text search looks in: the first three are texts ids.
const TEXT_FIELDS = [
  textOf('title'),
  textOf('signature'),
  textOf('target'),
  'i.source_network',
  'i.id',
];

/**
 * The ids of the JSON lists in texts that hold the bound value. An incident
 * keeps its countries, sectors and feeds as the id of such a list, shared
 * by every incident with the same list, so a filter finds the few lists
 * once and then compares ids instead of parsing each incident's list.
 * JSON lists start with '[', a range of the texts index; LIKE passes over
 * most before any is parsed, and json_valid over titles that start with '['.
 */
const LISTS_HOLDING = `SELECT id FROM texts
  WHERE text >= '[' AND text < '\\' AND text LIKE ? ESCAPE '\\'
    AND CASE WHEN json_valid(text) THEN EXISTS (SELECT 1 FROM json_each(text) WHERE value = ?) END`;

/** The WHERE clause (or '') and its parameters for `filter`. */
export function incidentWhere(filter: IncidentFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const where = (clause: string, ...values: unknown[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  const anyOf = <T>(column: string, codes: readonly T[], values: readonly T[] | undefined) => {
    if (!values?.length) return;
    where(
      `i.${column} IN (${values.map(() => '?').join(', ')})`,
      ...values.map((v) => toCode(codes, v)),
    );
  };
  const inList = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    where(`i.${column} IN (${LISTS_HOLDING})`, containing(JSON.stringify(value)), value);
  };
  anyOf('status', STATUS_CODES, filter.status);
  anyOf('severity', SEVERITY_CODES, filter.severity);
  anyOf('tlp', TLP_CODES, filter.tlp);
  if (filter.sector === 'unknown') where("i.sectors IN (SELECT id FROM texts WHERE text = '[]')");
  else inList('sectors', filter.sector);
  inList('countries', filter.country);
  inList('feeds', filter.feed);
  if (filter.from !== undefined) where('i.last_seen >= ?', filter.from);
  if (filter.to !== undefined) where('i.first_seen <= ?', filter.to);
  for (const word of (filter.text ?? '').split(/\s+/).filter(Boolean)) {
    const likes = TEXT_FIELDS.map((field) => `${field} LIKE ? ESCAPE '\\'`);
    where(`(${likes.join(' OR ')})`, ...TEXT_FIELDS.map(() => containing(word)));
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
