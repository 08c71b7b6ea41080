/**
 * The sector view's numbers, from the per-minute sector rollups: every
 * sector's alerts in a window, by severity, and per slice of the window
 * for its sparkline. A window of a month reads at most 43,200 minutes of
 * rollups per sector, never the alerts themselves.
 */
import type { SectorSummary, Sectors } from '../../shared/api';
import { SECTORS } from '../../shared/vocab';
import { addCount } from '../../shared/counts';
import { SEVERITY_CODES, TLP_CODES, fromCode } from './codes';
import type { Statements } from './statements';

const MINUTE_MS = 60_000;

const SECTORS_SQL = `
  SELECT sector, severity, (minute - ?) * ? / ? AS bucket, sum(n) AS n
  FROM sector_counts_minute
  WHERE minute >= ? AND minute <= ? AND tlp <= ?
  GROUP BY sector, severity, bucket`;

interface SectorRow {
  sector: string;
  severity: number;
  bucket: number;
  n: number;
}

/** Every sector of the vocabulary and "unknown" in [from, to], with `buckets` slices. */
export function readSectors(
  statements: Statements,
  range: { from: number; to: number; buckets: number },
  maxTlp = TLP_CODES.length - 1,
): Sectors {
  const first = Math.floor(range.from / MINUTE_MS);
  const last = Math.floor(range.to / MINUTE_MS);
  const span = last - first + 1;
  const rows = statements
    .get(SECTORS_SQL)
    .all(first, range.buckets, span, first, last, maxTlp) as SectorRow[];
  const summaries = new Map<string, SectorSummary>(
    [...SECTORS, 'unknown' as const].map((sector) => [
      sector,
      { sector, total: 0, bySeverity: {}, sparkline: new Array<number>(range.buckets).fill(0) },
    ]),
  );
  for (const row of rows) {
    // The rollups say "no sector" with an empty text; a sector unknown to this build counts there too.
    const summary = summaries.get(row.sector) ?? summaries.get('unknown');
    if (!summary) continue;
    summary.total += row.n;
    addCount(summary.bySeverity, fromCode(SEVERITY_CODES, row.severity), row.n);
    const bucket = Math.min(range.buckets - 1, Math.max(0, row.bucket));
    summary.sparkline[bucket] = (summary.sparkline[bucket] ?? 0) + row.n;
  }
  return { from: range.from, to: range.to, sectors: [...summaries.values()] };
}
