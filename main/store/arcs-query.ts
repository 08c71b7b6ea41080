/**
 * The lines of the map: recent alerts whose source and destination are both
 * placed, grouped by where they run from and to.
 */
import type { Arc } from '../../shared/api';
import { SEVERITY_CODES, fromCode } from './codes';
import type { Statements } from './statements';

/** How many of the newest alerts (by seq) the arcs are drawn from. */
export const ARC_WINDOW = 5000;

// Coordinates are stored in 1e-4 degrees; arcs group them by 0.1 degree.
const STEPS_PER_DEGREE = 10;
const step = (column: string): string => `round(${column} / 1000.0)`;

/**
 * The arcs of the alerts `source` yields (a table or a subquery with the
 * alerts' columns) that pass `where`; its last parameter is the limit.
 */
export const arcsSql = (source: string, where: string): string => `
  SELECT
    ${step('src_lon_e4')} AS from_lon, ${step('src_lat_e4')} AS from_lat,
    ${step('dst_lon_e4')} AS to_lon, ${step('dst_lat_e4')} AS to_lat,
    count(*) AS n, max(severity) AS severity, max(observed_at) AS last_seen,
    max(src_country) AS from_country, max(dst_country) AS to_country
  FROM ${source}
  WHERE ${where}
    AND src_lat_e4 IS NOT NULL AND src_lon_e4 IS NOT NULL
    AND dst_lat_e4 IS NOT NULL AND dst_lon_e4 IS NOT NULL
  GROUP BY from_lon, from_lat, to_lon, to_lat
  ORDER BY n DESC, last_seen DESC
  LIMIT ?`;

const ARCS_SQL = arcsSql('alerts', 'seq > ? AND tlp <= ?');

interface ArcRow {
  from_lon: number;
  from_lat: number;
  to_lon: number;
  to_lat: number;
  n: number;
  severity: number;
  last_seen: number;
  from_country: string | null;
  to_country: string | null;
}

const degrees = (steps: number): number => steps / STEPS_PER_DEGREE;

/**
 * Up to `limit` arcs from the newest ARC_WINDOW alerts, busiest first; from
 * and to are [lon, lat] of the source and the destination. An arc's
 * countries let the map drill down from it; points 0.1 degree apart rarely
 * straddle a border, so one country per end is named.
 */
export function readArcs(
  statements: Statements,
  latestSeq: number,
  limit: number,
  maxTlp: number,
): Arc[] {
  return arcsFromRows(statements.get(ARCS_SQL).all(latestSeq - ARC_WINDOW, maxTlp, limit));
}

/** The arcs that rows of arcsSql describe. */
export function arcsFromRows(rows: readonly unknown[]): Arc[] {
  return (rows as ArcRow[]).map((row) => ({
    from: [degrees(row.from_lon), degrees(row.from_lat)],
    to: [degrees(row.to_lon), degrees(row.to_lat)],
    count: row.n,
    severity: fromCode(SEVERITY_CODES, row.severity),
    lastSeen: row.last_seen,
    ...(row.from_country ? { fromCountry: row.from_country } : {}),
    ...(row.to_country ? { toCountry: row.to_country } : {}),
  }));
}
