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

/** A raw block the alerts of a chunk named, and the seq span of those alerts. */
export interface ChunkBlock {
  block: number;
  feed: number;
  first: number;
  last: number;
}

/** The blocks the chunk's alerts name. Call before they are deleted. */
export function blockCandidates(statements: Statements): ChunkBlock[] {
  return statements
    .get(
      `SELECT a.raw_block AS block, a.feed, min(a.seq) AS first, max(a.seq) AS last
       FROM retention_chunk c JOIN alerts a ON a.seq = c.seq GROUP BY a.raw_block`,
    )
    .all() as ChunkBlock[];
}

/**
 * Deletes the blocks among `candidates` that no alert names now that the
 * chunk's alerts are gone. Call in the chunk's transaction, right after its
 * delete. Returns how many went.
 *
 * There is no index on raw_block (it would cost every alert bytes for a
 * question only retention asks), and a pass over all alerts per chunk is
 * too slow, so the check leans on how blocks are filled: a feed's records
 * go into its open block in arrival order and its next block gets a larger
 * id, so along a feed's alerts in seq order the block never goes down and
 * the alerts naming one block sit together. An alert still naming a
 * candidate therefore lies inside the seq span of the deleted alerts that
 * named it, or is the feed's nearest alert below or above that span: only
 * the span and one alert each side are read. (No commit comes in between;
 * a later one, even reusing the seqs of deleted newest alerts, names the
 * feed's open block above all others and keeps the order.)
 */
export function deleteBlocksLeftUnnamed(
  statements: Statements,
  candidates: readonly ChunkBlock[],
): number {
  const inside = statements
    .get('SELECT 1 FROM alerts WHERE seq BETWEEN ? AND ? AND raw_block = ? LIMIT 1')
    .pluck();
  const below = statements
    .get('SELECT raw_block FROM alerts WHERE seq < ? AND feed = ? ORDER BY seq DESC LIMIT 1')
    .pluck();
  const above = statements
    .get('SELECT raw_block FROM alerts WHERE seq > ? AND feed = ? ORDER BY seq LIMIT 1')
    .pluck();
  const unnamed = candidates
    .filter(
      ({ block, feed, first, last }) =>
        inside.get(first, last, block) === undefined &&
        below.get(first, feed) !== block &&
        above.get(last, feed) !== block,
    )
    .map(({ block }) => block);
  if (unnamed.length === 0) return 0;
  return statements
    .get('DELETE FROM raw_blocks WHERE id IN (SELECT value FROM json_each(?))')
    .run(JSON.stringify(unnamed)).changes;
}
