/**
 * After retention deleted alerts: incidents left without alerts go with
 * their timeline, the others get their counts from the alerts they keep,
 * and raw blocks no alert names any more are deleted.
 */
import type { Statements } from './statements';

/** Incidents settled per statement: keeps each transaction short. */
const SETTLE_BATCH = 500;

const INCIDENT_AGGREGATES = `
  SELECT count(*) AS alerts, min(observed_at) AS first, max(observed_at) AS last,
    max(severity) AS severity, max(tlp) AS tlp
  FROM alerts WHERE incident = ?`;

interface Aggregates {
  alerts: number;
  first: number | null;
  last: number | null;
  severity: number | null;
  tlp: number | null;
}

/**
 * Settles incidents `nums`; returns how many were deleted. Call inside a
 * write transaction, for SETTLE_BATCH incidents at most.
 *
 * An incident that keeps some alerts gets its alert count, first and last
 * seen and severity from those alerts. Its TLP never drops: its title,
 * signature and target may come from a deleted alert, and a wall under a
 * lower ceiling must not be shown them.
 *
 * Known shortcoming: its lists of countries, sectors and feeds still name
 * those of the deleted alerts too: recomputing them means reading every
 * remaining alert's endpoints and sectors, which a long-lived incident
 * makes costly.
 */
export function settleIncidents(statements: Statements, nums: readonly number[]): number {
  const aggregates = statements.get(INCIDENT_AGGREGATES);
  const update = statements.get(
    `UPDATE incidents SET alerts = ?, first_seen = ?, last_seen = ?, severity = ?,
       tlp = max(tlp, ?)
     WHERE num = ?`,
  );
  const deleteEvents = statements.get('DELETE FROM incident_events WHERE incident = ?');
  const deleteIncident = statements.get('DELETE FROM incidents WHERE num = ?');
  let deleted = 0;
  for (const num of nums) {
    const left = aggregates.get(num) as Aggregates;
    if (left.alerts === 0) {
      deleteEvents.run(num);
      deleted += deleteIncident.run(num).changes;
    } else {
      update.run(left.alerts, left.first, left.last, left.severity, left.tlp, num);
    }
  }
  return deleted;
}

/** Splits `values` into batches the settle functions take. */
export function settleBatches<T>(values: readonly T[]): T[][] {
  const batches: T[][] = [];
  for (let i = 0; i < values.length; i += SETTLE_BATCH) {
    batches.push(values.slice(i, i + SETTLE_BATCH));
  }
  return batches;
}

/**
 * Deletes the raw blocks among `ids` that no alert names any more. One
 * pass over the alerts (there is no index on raw_block: it would cost
 * every alert bytes for a question only retention asks), so the caller
 * gathers a whole run's candidates and asks once.
 */
export function deleteUnusedBlocks(statements: Statements, ids: readonly number[]): number {
  if (ids.length === 0) return 0;
  return statements
    .get(
      `DELETE FROM raw_blocks WHERE id IN (SELECT value FROM json_each(?))
       AND id NOT IN (SELECT raw_block FROM alerts)`,
    )
    .run(JSON.stringify(ids)).changes;
}
