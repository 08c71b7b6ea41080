/**
 * Schema 1: feeds, alerts, quarantine and the count rollups.
 *
 * Alerts are kept small (the target is under 300 bytes per Suricata alert):
 * repeated texts are interned in `texts`, closed vocabularies are stored as
 * their code from ../codes.ts, the feed as its `feeds.num`, coordinates as
 * integers in units of 1e-4 degree, and the raw record in a block of its
 * feed's records deflated together (`raw_blocks`, against a dictionary from
 * `raw_dicts`). `alert_view` puts the texts back for reading.
 */
import type { Migration } from './migration';

type Side = 'src' | 'dst';

const ENDPOINT_VALUES: [column: string, type: string][] = [
  ['ip', 'TEXT'],
  ['port', 'INTEGER'],
  ['class', 'INTEGER'],
  ['country', 'TEXT'],
  ['asn', 'INTEGER'],
  ['lat_e4', 'INTEGER'],
  ['lon_e4', 'INTEGER'],
  ['geo_source', 'INTEGER'],
];

// Endpoint columns that hold a texts.id. Host names (HTTP Host, TLS SNI)
// repeat as much as AS names do.
const ENDPOINT_TEXTS = ['hostname', 'as_org', 'site', 'organisation'];

function endpointColumns(side: Side): string {
  const values = ENDPOINT_VALUES.map(([column, type]) => `${side}_${column} ${type}`);
  const texts = ENDPOINT_TEXTS.map((column) => `${side}_${column} INTEGER`);
  return [...values, ...texts].join(',\n  ');
}

function endpointView(side: Side): string {
  const values = ENDPOINT_VALUES.map(([column]) => `a.${side}_${column}`);
  const texts = ENDPOINT_TEXTS.map((column) => `${side}_${column}.text AS ${side}_${column}`);
  return [...values, ...texts].join(', ');
}

function endpointJoins(side: Side): string {
  return ENDPOINT_TEXTS.map(
    (column) => `LEFT JOIN texts ${side}_${column} ON ${side}_${column}.id = a.${side}_${column}`,
  ).join('\n  ');
}

/**
 * What alert_view selects and joins, for the schemas that redefine the view
 * with more columns (they add theirs after these).
 */
export const INITIAL_VIEW_COLUMNS = `a.seq, a.id, feeds.id AS feed, a.kind, a.observed_at, a.received_at,
  a.severity, title.text AS title, category.text AS category, signature.text AS signature,
  ${endpointView('src')},
  ${endpointView('dst')},
  sectors.text AS sectors, a.tlp, tags.text AS tags, a.raw_block, a.raw_index`;

export const INITIAL_VIEW_JOINS = `LEFT JOIN feeds ON feeds.num = a.feed
  LEFT JOIN texts title ON title.id = a.title
  LEFT JOIN texts category ON category.id = a.category
  LEFT JOIN texts signature ON signature.id = a.signature
  LEFT JOIN texts sectors ON sectors.id = a.sectors
  LEFT JOIN texts tags ON tags.id = a.tags
  ${endpointJoins('src')}
  ${endpointJoins('dst')}`;

const SCHEMA = `
CREATE TABLE feeds (
  num INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  cursor TEXT,
  alerts INTEGER NOT NULL DEFAULT 0,
  quarantined INTEGER NOT NULL DEFAULT 0,
  ignored TEXT NOT NULL DEFAULT '{}',
  last_event_at INTEGER,
  updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE texts (
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL UNIQUE
) STRICT;

-- Dictionaries that raw blocks are deflated against (the preset of the
-- Lagebild that wrote them), stored deflated themselves.
CREATE TABLE raw_dicts (
  id INTEGER PRIMARY KEY,
  digest TEXT NOT NULL UNIQUE,
  dict BLOB NOT NULL
) STRICT;

-- Raw records of one feed, a block of them deflated together (the format is
-- in ../raw-codec.ts). A block is only ever appended to; records counts them.
CREATE TABLE raw_blocks (
  id INTEGER PRIMARY KEY,
  feed INTEGER NOT NULL,
  dict INTEGER NOT NULL,
  records INTEGER NOT NULL,
  data BLOB NOT NULL
) STRICT;

-- seq is the arrival order. title, category, signature, sectors and tags
-- (JSON arrays) and the endpoints' hostname, as_org, site and organisation hold
-- a texts.id.
-- The raw record is number raw_index of block raw_block.
CREATE TABLE alerts (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  feed INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  observed_at INTEGER NOT NULL,
  received_at INTEGER NOT NULL,
  severity INTEGER NOT NULL,
  title INTEGER NOT NULL,
  category INTEGER NOT NULL,
  signature INTEGER,
  ${endpointColumns('src')},
  ${endpointColumns('dst')},
  sectors INTEGER,
  tlp INTEGER NOT NULL,
  tags INTEGER,
  raw_block INTEGER NOT NULL,
  raw_index INTEGER NOT NULL
) STRICT;

-- A UNIQUE index would store every id a second time in full. This index keys
-- on the id's last 8 characters (ids end in hash or counter digits) and the
-- trigger drops a row whose id is already there, for every writer.
CREATE INDEX alerts_id_tail ON alerts (substr(id, -8));

CREATE TRIGGER alerts_unique_id BEFORE INSERT ON alerts
WHEN EXISTS (SELECT 1 FROM alerts WHERE substr(id, -8) = substr(NEW.id, -8) AND id = NEW.id)
BEGIN
  SELECT RAISE(IGNORE);
END;

-- Left joins only, so that the planner keeps alerts as the outer loop and
-- walks seq in order for "newest N" queries instead of sorting.
CREATE VIEW alert_view AS
SELECT ${INITIAL_VIEW_COLUMNS}
FROM alerts a
  ${INITIAL_VIEW_JOINS};

CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY,
  feed INTEGER NOT NULL,
  position TEXT NOT NULL,
  reason TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  raw BLOB NOT NULL,
  raw_bytes INTEGER NOT NULL,
  fingerprint BLOB NOT NULL
) STRICT;

-- The same record rejected again (a file imported twice) is kept once.
CREATE UNIQUE INDEX quarantine_once ON quarantine (feed, fingerprint);

-- Counts per minute of observed time, and the same without the minute so
-- that all-time statistics read a few hundred rows instead of millions.
-- An empty country or sector means none is known.
CREATE TABLE alert_counts_minute (
  minute INTEGER NOT NULL,
  feed INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  severity INTEGER NOT NULL,
  src_country TEXT NOT NULL,
  dst_country TEXT NOT NULL,
  tlp INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (minute, feed, kind, severity, src_country, dst_country, tlp)
) STRICT, WITHOUT ROWID;

CREATE TABLE alert_counts_total (
  feed INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  severity INTEGER NOT NULL,
  src_country TEXT NOT NULL,
  dst_country TEXT NOT NULL,
  tlp INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (feed, kind, severity, src_country, dst_country, tlp)
) STRICT, WITHOUT ROWID;

CREATE TABLE sector_counts_minute (
  minute INTEGER NOT NULL,
  sector TEXT NOT NULL,
  severity INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (minute, sector, severity)
) STRICT, WITHOUT ROWID;

CREATE TABLE sector_counts_total (
  sector TEXT NOT NULL,
  severity INTEGER NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (sector, severity)
) STRICT, WITHOUT ROWID;
`;

/** Creates the first schema of the cache. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(SCHEMA);
  },
};
