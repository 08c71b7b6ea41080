/**
 * What analysts change on an incident: its status, its assignee, and notes.
 * Each change is one row of incident_events with its time and author, in
 * the same transaction as the change itself.
 */
import type { IncidentStatus } from '../../shared/vocab';
import { BY_ID } from './by-id';
import { STATUS_CODES, fromCode, toCode } from './codes';
import { incidentNum } from './incident-queries';
import type { Statements } from './statements';

/** A status and/or assignee to set; an empty assignee clears it. */
export interface IncidentChange {
  status?: IncidentStatus;
  assignee?: string;
}

/** Who made a change, and when. */
export interface ChangeAuthor {
  author: string;
  now: number;
}

const INSERT_EVENT = `INSERT INTO incident_events (incident, at, author, kind, value, previous)
  VALUES (?, ?, ?, ?, ?, ?)`;

/**
 * Applies `change` to incident `id`; false when there is no such incident.
 * Setting what is already set records nothing. Call inside a write transaction.
 */
export function changeIncident(
  statements: Statements,
  id: string,
  change: IncidentChange,
  { author, now }: ChangeAuthor,
): boolean {
  const sql = `SELECT num, status, assignee FROM incidents WHERE ${BY_ID}`;
  const row = statements.get(sql).get({ id }) as
    { num: number; status: number; assignee: string | null } | undefined;
  if (!row) return false;
  const event = statements.get(INSERT_EVENT);
  if (change.status !== undefined && toCode(STATUS_CODES, change.status) !== row.status) {
    const previous = fromCode(STATUS_CODES, row.status);
    event.run(row.num, now, author, 'status', change.status, previous);
    statements
      .get('UPDATE incidents SET status = ?, updated_at = ? WHERE num = ?')
      .run(toCode(STATUS_CODES, change.status), now, row.num);
  }
  const assignee = change.assignee?.trim();
  if (assignee !== undefined && assignee !== (row.assignee ?? '')) {
    event.run(row.num, now, author, 'assignee', assignee, row.assignee);
    statements
      .get('UPDATE incidents SET assignee = ?, updated_at = ? WHERE num = ?')
      .run(assignee === '' ? null : assignee, now, row.num);
  }
  return true;
}

/** Adds a note to incident `id`; false when there is no such incident. */
export function addIncidentNote(
  statements: Statements,
  id: string,
  text: string,
  { author, now }: ChangeAuthor,
): boolean {
  const num = incidentNum(statements, id);
  if (num === undefined) return false;
  statements.get(INSERT_EVENT).run(num, now, author, 'note', text, null);
  statements.get('UPDATE incidents SET updated_at = ? WHERE num = ?').run(now, num);
  return true;
}
