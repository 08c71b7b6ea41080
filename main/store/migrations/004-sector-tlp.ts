/**
 * Schema 4: the sector rollups count by TLP too.
 *
 * A wall screen has a TLP ceiling, and its sector view and statistics must
 * count only what it may show. The sector rollups had no TLP, so they are
 * rebuilt with one, from the alerts (an alert without sectors counts under
 * the empty sector, as the commit counts it).
 */
import type { Migration } from './migration';

const SCHEMA = `
DROP TABLE sector_counts_minute;
DROP TABLE sector_counts_total;

CREATE TABLE sector_counts_minute (
  minute INTEGER NOT NULL,
  sector TEXT NOT NULL,
  severity INTEGER NOT NULL,
  tlp INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (minute, sector, severity, tlp)
) STRICT, WITHOUT ROWID;

CREATE TABLE sector_counts_total (
  sector TEXT NOT NULL,
  severity INTEGER NOT NULL,
  tlp INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (sector, severity, tlp)
) STRICT, WITHOUT ROWID;

-- Floor, not SQLite's truncation, so that times before 1970 fall in the minute the commit uses.
-- DISTINCT: an alert counts once per sector, even one its record listed twice.
INSERT INTO sector_counts_minute (minute, sector, severity, tlp, n)
SELECT minute, sector, severity, tlp, count(*) FROM (
  SELECT DISTINCT
    a.seq,
    CAST(a.observed_at / 60000 AS INTEGER) - (a.observed_at < 0 AND a.observed_at % 60000 != 0)
      AS minute,
    coalesce(s.value, '') AS sector, a.severity, a.tlp
  FROM alerts a
  LEFT JOIN texts t ON t.id = a.sectors
  LEFT JOIN json_each(coalesce(t.text, '[]')) s
)
GROUP BY 1, 2, 3, 4;

INSERT INTO sector_counts_total (sector, severity, tlp, n)
SELECT sector, severity, tlp, sum(n) FROM sector_counts_minute GROUP BY 1, 2, 3;
`;

/** Rebuilds the sector rollups with a TLP column. */
export const sectorTlp: Migration = {
  version: 4,
  name: 'sector rollups by TLP',
  up(db) {
    db.exec(SCHEMA);
  },
};
