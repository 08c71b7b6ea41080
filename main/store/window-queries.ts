/**
 * Alerts by when they were observed: the newest of a past window, and what
 * a replay adds from one step to the next. The alerts table is ordered by
 * arrival; observed_minutes (migration 005) names the runs of seq that hold
 * each minute's alerts. A query walks the window's minutes from the end it
 * wants first, a few minutes at a time and twice as many each round, reads
 * the time and seq of the alerts in their runs, and stops once it holds
 * enough: the alerts of minutes it has not reached all come later in its
 * order. Each round asks SQLite for no more than it still lacks, in order,
 * so a minute that holds a bulk import's million alerts hands over only
 * those few (SQLite still passes over the minute's rows once: an index on
 * observed_at would cost every alert bytes the size budget has not got).
 * Only the alerts it keeps are read in full.
 */
import type { Arc } from '../../shared/api';
import type { Alert } from '../../shared/model';
import { alertFromValues, type AlertValues } from './alert-read';
import { ALERT_VIEW_COLUMNS } from './alert-row';
import { ARC_WINDOW, arcsFromRows, arcsSql } from './arcs-query';
import type { Statements } from './statements';

/** An observed-time window, ms since the epoch, both ends included. */
export interface ObservedRange {
  from: number;
  to: number;
}

const MINUTE_MS = 60_000;
const minuteOf = (ms: number): number => Math.floor(ms / MINUTE_MS);

/** Which end of the window a query wants first. */
type Direction = 'newest' | 'oldest';

const ORDER: Record<Direction, string> = {
  newest: 'observed_at DESC, seq DESC',
  oldest: 'observed_at, seq',
};

const RUNS_SQL = `SELECT first_seq, last_seq FROM observed_minutes
  WHERE minute BETWEEN ? AND ? ORDER BY first_seq`;

// The runs come as one JSON array of [first, last]: one statement for any number of runs.
const candidatesSql = (order: string) => `SELECT a.seq FROM json_each(?) r
  JOIN alerts a ON a.seq BETWEEN r.value ->> 0 AND r.value ->> 1
  WHERE a.observed_at BETWEEN ? AND ? AND a.tlp <= ? ORDER BY ${order} LIMIT ?`;

const CANDIDATES_SQL: Record<Direction, string> = {
  newest: candidatesSql('a.observed_at DESC, a.seq DESC'),
  oldest: candidatesSql('a.observed_at, a.seq'),
};

/** The runs of minutes [first, last], overlapping ones merged so no alert is read twice. */
function runsOf(statements: Statements, first: number, last: number): [number, number][] {
  const rows = statements.get(RUNS_SQL).raw().all(first, last) as [number, number][];
  const merged: [number, number][] = [];
  for (const [from, to] of rows) {
    const previous = merged.at(-1);
    if (previous && from <= previous[1] + 1) previous[1] = Math.max(previous[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/**
 * The seqs of the first `limit` alerts in `direction` observed in minutes
 * [first, last] and in `range`, marked at most `maxTlp`.
 */
function candidates(
  statements: Statements,
  minutes: { first: number; last: number },
  query: { range: ObservedRange; limit: number; maxTlp: number; direction: Direction },
): number[] {
  const runs = runsOf(statements, minutes.first, minutes.last);
  if (runs.length === 0) return [];
  const from = Math.max(query.range.from, minutes.first * MINUTE_MS);
  const to = Math.min(query.range.to, minutes.last * MINUTE_MS + MINUTE_MS - 1);
  return statements
    .get(CANDIDATES_SQL[query.direction])
    .pluck()
    .all(JSON.stringify(runs), from, to, query.maxTlp, query.limit) as number[];
}

/** The seqs of the first `limit` alerts of `range` in `direction`, in that order. */
function walk(
  statements: Statements,
  range: ObservedRange,
  limit: number,
  maxTlp: number,
  direction: Direction,
): number[] {
  const lowest = minuteOf(range.from);
  const highest = minuteOf(range.to);
  // Each round's minutes all come after the previous rounds' in `direction`,
  // so the rounds' answers, each in order, append into the whole answer.
  const found: number[] = [];
  let next = direction === 'newest' ? highest : lowest;
  for (let span = 1; found.length < limit && next >= lowest && next <= highest; span *= 2) {
    const minutes =
      direction === 'newest'
        ? { first: Math.max(lowest, next - span + 1), last: next }
        : { first: next, last: Math.min(highest, next + span - 1) };
    const wanted = { range, limit: limit - found.length, maxTlp, direction };
    for (const seq of candidates(statements, minutes, wanted)) found.push(seq);
    next = direction === 'newest' ? minutes.first - 1 : minutes.last + 1;
  }
  return found;
}

/** The alerts `seqs` names, in `direction`'s order. */
function readAlerts(statements: Statements, seqs: number[], direction: Direction): Alert[] {
  if (seqs.length === 0) return [];
  const sql = `SELECT ${ALERT_VIEW_COLUMNS} FROM alert_view
    WHERE seq IN (SELECT value FROM json_each(?)) ORDER BY ${ORDER[direction]}`;
  const rows = statements.get(sql).raw().all(JSON.stringify(seqs)) as AlertValues[];
  return rows.map(alertFromValues);
}

/** The newest `limit` alerts observed in [from, to] marked at most `maxTlp`, newest first. */
export function readAlertsObserved(
  statements: Statements,
  range: ObservedRange,
  limit: number,
  maxTlp: number,
): Alert[] {
  if (range.to < range.from) return [];
  return readAlerts(statements, walk(statements, range, limit, maxTlp, 'newest'), 'newest');
}

/**
 * The oldest `limit` alerts observed in (after, until] marked at most
 * `maxTlp`, oldest first: what a replay adds when its clock moves from
 * `after` to `until`.
 */
export function readAlertsBetween(
  statements: Statements,
  step: { after: number; until: number },
  limit: number,
  maxTlp: number,
): Alert[] {
  if (step.until <= step.after) return [];
  const range = { from: step.after + 1, to: step.until };
  return readAlerts(statements, walk(statements, range, limit, maxTlp, 'oldest'), 'oldest');
}

// What arcsSql reads of each alert.
const ARC_COLUMNS = `src_lon_e4, src_lat_e4, dst_lon_e4, dst_lat_e4, severity, observed_at,
  src_country, dst_country, tlp`;

const WINDOW_ARCS_SQL = arcsSql(
  `(SELECT ${ARC_COLUMNS} FROM alerts WHERE seq IN (SELECT value FROM json_each(?)))`,
  'tlp <= ?',
);

/**
 * Up to `limit` arcs from the newest ARC_WINDOW alerts observed in
 * [from, to], of those marked at most `maxTlp`, as the live map draws
 * them from the newest alerts that arrived: a wall's ceiling thins the
 * arcs out rather than sending the query through the whole window.
 */
export function readWindowArcs(
  statements: Statements,
  range: ObservedRange,
  limit: number,
  maxTlp: number,
): Arc[] {
  if (range.to < range.from) return [];
  const anyTlp = Number.MAX_SAFE_INTEGER;
  const newest = walk(statements, range, ARC_WINDOW, anyTlp, 'newest');
  if (newest.length === 0) return [];
  return arcsFromRows(statements.get(WINDOW_ARCS_SQL).all(JSON.stringify(newest), maxTlp, limit));
}

/** The seqs of up to `limit` alerts observed before `cutoff`, the oldest first: what retention deletes. */
export function seqsObservedBefore(
  statements: Statements,
  cutoff: number,
  limit: number,
): number[] {
  const oldest = statements.get('SELECT min(minute) FROM observed_minutes').pluck().get();
  if (typeof oldest !== 'number' || oldest * MINUTE_MS >= cutoff) return [];
  const range = { from: oldest * MINUTE_MS, to: cutoff - 1 };
  return walk(statements, range, limit, Number.MAX_SAFE_INTEGER, 'oldest');
}
