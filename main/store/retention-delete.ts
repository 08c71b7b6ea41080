/**
 * Deletes one chunk of old alerts and takes their counts out of the
 * rollups in the same transaction, so that statistics read from the
 * rollups stay exactly those of the alerts that remain; the raw blocks
 * only they named go with them.
 */
import { forgetRunsBefore } from './observed-runs';
import { blockCandidates, deleteBlocksLeftUnnamed } from './retention-settle';
import type { Statements } from './statements';
import { seqsObservedBefore } from './window-queries';

/** What one chunk removed, and the incidents it touched that may now be empty. */
export interface DeletedChunk {
  alerts: number;
  incidents: number[];
}

// Floor, not SQLite's truncation, as the commit and migration 004 count minutes.
const MINUTE = `CAST(a.observed_at / 60000 AS INTEGER)
  - (a.observed_at < 0 AND a.observed_at % 60000 != 0)`;

const CHUNK_TABLE = 'CREATE TEMP TABLE IF NOT EXISTS retention_chunk (seq INTEGER PRIMARY KEY)';

const ALERT_COUNTS = `
  SELECT ${MINUTE} AS minute, a.feed, a.kind, a.severity, coalesce(a.src_country, '') AS src,
    coalesce(a.dst_country, '') AS dst, a.tlp, count(*) AS n
  FROM retention_chunk c JOIN alerts a ON a.seq = c.seq
  GROUP BY 1, 2, 3, 4, 5, 6, 7`;

// DISTINCT: an alert counts once per sector; no sector counts as the empty one.
const SECTOR_COUNTS = `
  SELECT minute, sector, severity, tlp, count(*) AS n FROM (
    SELECT DISTINCT a.seq, ${MINUTE} AS minute, coalesce(s.value, '') AS sector,
      a.severity, a.tlp
    FROM retention_chunk c JOIN alerts a ON a.seq = c.seq
    LEFT JOIN texts t ON t.id = a.sectors
    LEFT JOIN json_each(coalesce(t.text, '[]')) s)
  GROUP BY 1, 2, 3, 4`;

const ALERT_KEY =
  'feed = ? AND kind = ? AND severity = ? AND src_country = ? AND dst_country = ? AND tlp = ?';
const SECTOR_KEY = 'sector = ? AND severity = ? AND tlp = ?';

/** One rollup table's decrement and the removal of rows that reached zero. */
function decrement(statements: Statements, table: string, key: string, rows: unknown[][]): void {
  const update = statements.get(`UPDATE ${table} SET n = n - ? WHERE ${key}`);
  const drop = statements.get(`DELETE FROM ${table} WHERE ${key} AND n <= 0`);
  for (const row of rows) {
    const n = row.at(-1);
    const keyValues = row.slice(0, -1);
    update.run(n, ...keyValues);
    drop.run(...keyValues);
  }
}

/**
 * A feed's alerts counter says how many of its alerts the cache holds, as
 * its quarantined counter says how many of its rejected records it keeps.
 */
function subtractFeedCounts(statements: Statements, alertRows: unknown[][]): void {
  const byFeed = new Map<number, number>();
  for (const row of alertRows) {
    const feed = row[1] as number;
    byFeed.set(feed, (byFeed.get(feed) ?? 0) + (row.at(-1) as number));
  }
  const update = statements.get('UPDATE feeds SET alerts = max(0, alerts - ?) WHERE num = ?');
  for (const [feed, n] of byFeed) update.run(n, feed);
}

function subtractCounts(statements: Statements): void {
  const alertRows = statements.get(ALERT_COUNTS).raw().all() as unknown[][];
  subtractFeedCounts(statements, alertRows);
  decrement(statements, 'alert_counts_minute', `minute = ? AND ${ALERT_KEY}`, alertRows);
  decrement(
    statements,
    'alert_counts_total',
    ALERT_KEY,
    alertRows.map((row) => row.slice(1)),
  );
  const sectorRows = statements.get(SECTOR_COUNTS).raw().all() as unknown[][];
  decrement(statements, 'sector_counts_minute', `minute = ? AND ${SECTOR_KEY}`, sectorRows);
  decrement(
    statements,
    'sector_counts_total',
    SECTOR_KEY,
    sectorRows.map((row) => row.slice(1)),
  );
}

/**
 * Deletes up to `limit` alerts observed before `cutoff` (ms) with their
 * rollup counts and the raw blocks left unnamed. Call inside a write
 * transaction; returns what it touched, for the caller to settle incidents
 * once the run is done.
 */
export function deleteAlertChunk(
  statements: Statements,
  cutoff: number,
  limit: number,
): DeletedChunk {
  statements.db.exec(CHUNK_TABLE);
  statements.get('DELETE FROM retention_chunk').run();
  // The runs of migration 005 find the oldest alerts without reading the others.
  const seqs = seqsObservedBefore(statements, cutoff, limit);
  if (seqs.length === 0) {
    forgetRunsBefore(statements, cutoff);
    return { alerts: 0, incidents: [] };
  }
  const picked = statements
    .get('INSERT INTO retention_chunk SELECT value FROM json_each(?)')
    .run(JSON.stringify(seqs)).changes;
  // The chunk holds the oldest alerts, so every alert of a minute before its
  // last one's goes with it (all before `cutoff` when it is not full): their
  // runs go too, or each next chunk's walk would pass them again from the
  // oldest minute on.
  const lastObserved = statements
    .get('SELECT observed_at FROM alerts WHERE seq = ?')
    .pluck()
    .get(seqs.at(-1)) as number;
  forgetRunsBefore(statements, seqs.length < limit ? cutoff : lastObserved);

  subtractCounts(statements);
  const incidents = statements
    .get(
      `SELECT DISTINCT a.incident FROM retention_chunk c JOIN alerts a ON a.seq = c.seq
       WHERE a.incident IS NOT NULL`,
    )
    .pluck()
    .all() as number[];
  const candidates = blockCandidates(statements);
  statements.get('DELETE FROM alerts WHERE seq IN (SELECT seq FROM retention_chunk)').run();
  statements.get('DELETE FROM retention_chunk').run();
  deleteBlocksLeftUnnamed(statements, candidates);
  return { alerts: picked, incidents };
}
