/**
 * All-time statistics, read from the total rollups (a few hundred rows at
 * most) instead of counting alerts.
 */
import type { Stats } from '../../shared/api';
import { addCount as add } from '../../shared/counts';
import { KIND_CODES, SEVERITY_CODES, STATUS_CODES, TLP_CODES, fromCode } from './codes';
import type { Statements } from './statements';

const UNKNOWN = 'unknown';

/** The rows statistics are counted from: alert and sector counts, incidents by status. */
export interface StatsRows {
  alerts: readonly TotalRow[];
  sectors: readonly { sector: string; n: number }[];
  statuses: readonly { status: number; n: number }[];
  quarantined: number;
}

/** One row of alert counts: its combination of feed, kind, severity, countries and TLP. */
export interface TotalRow {
  feed: string;
  kind: number;
  severity: number;
  src_country: string;
  dst_country: string;
  tlp: number;
  n: number;
}

/** Statistics counted from rollup rows, whichever span they cover. */
export function statsFromRows(rows: StatsRows): Stats {
  const stats: Stats = {
    alerts: 0,
    quarantined: rows.quarantined,
    byKind: {},
    bySeverity: {},
    byCountry: {},
    byTargetCountry: {},
    bySector: {},
    byTlp: {},
    byFeed: {},
    incidents: 0,
    byStatus: {},
  };
  for (const row of rows.alerts) {
    stats.alerts += row.n;
    add(stats.byKind, fromCode(KIND_CODES, row.kind), row.n);
    add(stats.bySeverity, fromCode(SEVERITY_CODES, row.severity), row.n);
    add(stats.byCountry, row.src_country || UNKNOWN, row.n);
    add(stats.byTargetCountry, row.dst_country || UNKNOWN, row.n);
    add(stats.byTlp, fromCode(TLP_CODES, row.tlp), row.n);
    add(stats.byFeed, row.feed, row.n);
  }
  for (const row of rows.sectors) add(stats.bySector, row.sector || UNKNOWN, row.n);
  for (const row of rows.statuses) {
    stats.incidents += row.n;
    add(stats.byStatus, fromCode(STATUS_CODES, row.status), row.n);
  }
  return stats;
}

/**
 * Totals and breakdowns of everything in the cache; with `maxTlp` (a TLP
 * code), of the alerts and incidents marked at most that, for a screen
 * with a ceiling (an incident is marked as its most restrictive alert).
 */
export function readStats(statements: Statements, maxTlp = TLP_CODES.length - 1): Stats {
  const alerts = statements
    .get(
      `SELECT feeds.id AS feed, t.kind, t.severity, t.src_country, t.dst_country, t.tlp, t.n
       FROM alert_counts_total t JOIN feeds ON feeds.num = t.feed WHERE t.tlp <= ?`,
    )
    .all(maxTlp) as TotalRow[];
  const sectors = statements
    .get('SELECT sector, sum(n) AS n FROM sector_counts_total WHERE tlp <= ? GROUP BY sector')
    .all(maxTlp) as { sector: string; n: number }[];
  const statuses = statements
    .get('SELECT status, count(*) AS n FROM incidents WHERE tlp <= ? GROUP BY status')
    .all(maxTlp) as { status: number; n: number }[];
  const quarantined = statements.get('SELECT coalesce(sum(quarantined), 0) FROM feeds').pluck();
  return statsFromRows({ alerts, sectors, statuses, quarantined: quarantined.get() as number });
}
