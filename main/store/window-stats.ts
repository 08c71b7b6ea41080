/**
 * Statistics of a past window, from the per-minute rollups: a day reads
 * 1,440 minutes of counts, never the alerts themselves. The window is
 * counted in whole minutes, those it touches: the rollups know no finer
 * time. Incidents count when they were active in the window (first seen
 * before its end, last seen after its start), with the status they have
 * now: the cache keeps no history of statuses but the timeline.
 *
 * Known shortcoming: SQLite sums the minutes by sorting every rollup row
 * of the window, and a busy minute has a hundred or more (feed, kind,
 * severity, countries and TLP combined). Six hours of 20 alerts a second
 * take about 65 ms, twelve hours about 115 ms (`npm run bench`, 2-core
 * VM), so a day of such traffic inside a longer cache misses the 100 ms
 * target. A window holding the whole cache reads the totals instead. An
 * hourly rollup would make any day cheap; it is not there yet.
 */
import type { Stats } from '../../shared/api';
import type { Statements } from './statements';
import { statsFromRows, type StatsRows } from './stats-queries';
import type { ObservedRange } from './window-queries';

const MINUTE_MS = 60_000;

/** The minute the rollups count `ms` in (floor, as the commit counts). */
const minuteOf = (ms: number): number => Math.floor(ms / MINUTE_MS);

const ALERTS_SQL = `
  SELECT feeds.id AS feed, t.kind, t.severity, t.src_country, t.dst_country, t.tlp, t.n
  FROM (
    SELECT feed, kind, severity, src_country, dst_country, tlp, sum(n) AS n
    FROM alert_counts_minute
    WHERE minute BETWEEN ? AND ? AND tlp <= ?
    GROUP BY feed, kind, severity, src_country, dst_country, tlp
  ) t JOIN feeds ON feeds.num = t.feed`;

const SECTORS_SQL = `
  SELECT sector, sum(n) AS n FROM sector_counts_minute
  WHERE minute BETWEEN ? AND ? AND tlp <= ? GROUP BY sector`;

// The same from the total rollups, for a window that holds every minute counted.
const ALL_ALERTS_SQL = `
  SELECT feeds.id AS feed, t.kind, t.severity, t.src_country, t.dst_country, t.tlp, t.n
  FROM alert_counts_total t JOIN feeds ON feeds.num = t.feed WHERE t.tlp <= ?`;
const COUNT_SQL =
  'SELECT coalesce(sum(n), 0) FROM alert_counts_minute WHERE minute BETWEEN ? AND ? AND tlp <= ?';
const COUNT_ALL_SQL = 'SELECT coalesce(sum(n), 0) FROM alert_counts_total WHERE tlp <= ?';
const ALL_SECTORS_SQL =
  'SELECT sector, sum(n) AS n FROM sector_counts_total WHERE tlp <= ? GROUP BY sector';

const ACTIVE = 'last_seen >= ? AND first_seen <= ? AND tlp <= ? GROUP BY status';

// The incidents' status is in the table, not in an index: walking
// incidents_by_last_seen_covering reads each incident it passes from the
// table in index order, slower than a plain scan once it passes many.
const STATUSES_SEEK = `SELECT status, count(*) AS n FROM incidents WHERE ${ACTIVE}`;
const STATUSES_SCAN = `SELECT status, count(*) AS n FROM incidents NOT INDEXED WHERE ${ACTIVE}`;

/** The seek pays as long as it passes at most this share of all incidents. */
const SEEK_SHARE = 0.1;

/**
 * Totals and breakdowns of the alerts observed in [from, to] and the
 * incidents active then, marked at most `maxTlp` (a TLP code).
 * `quarantined` is the cache's current count: a rejected record has no
 * observed time to place it in a window.
 */
export function readWindowStats(
  statements: Statements,
  range: ObservedRange,
  maxTlp: number,
): Stats {
  const first = minuteOf(range.from);
  const last = minuteOf(range.to);
  // SQLite groups by sorting every row it sums: a day of minutes can be a
  // hundred thousand rows, while the totals hold the same in a few hundred.
  const all = holdsEveryMinute(statements, first, last);
  const alerts = (
    all
      ? statements.get(ALL_ALERTS_SQL).all(maxTlp)
      : statements.get(ALERTS_SQL).all(first, last, maxTlp)
  ) as StatsRows['alerts'];
  const sectors = (
    all
      ? statements.get(ALL_SECTORS_SQL).all(maxTlp)
      : statements.get(SECTORS_SQL).all(first, last, maxTlp)
  ) as StatsRows['sectors'];
  const statuses = readStatuses(statements, range, maxTlp);
  const quarantined = statements.get('SELECT coalesce(sum(quarantined), 0) FROM feeds').pluck();
  return statsFromRows({ alerts, sectors, statuses, quarantined: quarantined.get() as number });
}

/** How many alerts observed in [from, to] (to the minute) are marked at most `maxTlp`. */
export function countWindowAlerts(
  statements: Statements,
  range: ObservedRange,
  maxTlp: number,
): number {
  const first = minuteOf(range.from);
  const last = minuteOf(range.to);
  const count = holdsEveryMinute(statements, first, last)
    ? statements.get(COUNT_ALL_SQL).pluck().get(maxTlp)
    : statements.get(COUNT_SQL).pluck().get(first, last, maxTlp);
  return count as number;
}

/** Incidents active in `range` by status; the index tells cheaply how many it would pass. */
function readStatuses(
  statements: Statements,
  range: ObservedRange,
  maxTlp: number,
): StatsRows['statuses'] {
  const count = (sql: string, ...params: number[]) =>
    statements
      .get(sql)
      .pluck()
      .get(...params) as number;
  const passed = count('SELECT count(*) FROM incidents WHERE last_seen >= ?', range.from);
  const all = count('SELECT count(*) FROM incidents');
  const sql = passed <= all * SEEK_SHARE ? STATUSES_SEEK : STATUSES_SCAN;
  return statements.get(sql).all(range.from, range.to, maxTlp) as StatsRows['statuses'];
}

/** Whether minutes [first, last] hold every minute the rollups count. */
function holdsEveryMinute(statements: Statements, first: number, last: number): boolean {
  // Apart, min() and max() each read one end of the primary key; together they scan.
  const oldest = statements.get('SELECT min(minute) FROM alert_counts_minute').pluck().get();
  const newest = statements.get('SELECT max(minute) FROM alert_counts_minute').pluck().get();
  if (typeof oldest !== 'number' || typeof newest !== 'number') return true;
  return first <= oldest && last >= newest;
}
