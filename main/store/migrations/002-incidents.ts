/**
 * Schema 2: incidents, their analysts' timeline, and each alert's incident.
 *
 * An alert names its incident by `incidents.num` (an integer keeps the
 * alert row and its index small); alert_view reads the incident's public id.
 */
import type { Migration } from './migration';
import { INITIAL_VIEW_COLUMNS, INITIAL_VIEW_JOINS } from './001-initial';

const SCHEMA = `
-- key is the digest of the correlation key the incident's alerts share;
-- status, severity and tlp are codes from ../codes.ts. title, signature,
-- target and the sorted JSON arrays countries, sectors and feeds hold a
-- texts.id: incidents of one rule share them. incident_view reads them back.
CREATE TABLE incidents (
  num INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  key INTEGER NOT NULL,
  title INTEGER NOT NULL,
  signature INTEGER,
  target INTEGER,
  source_network TEXT,
  status INTEGER NOT NULL,
  severity INTEGER NOT NULL,
  first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL,
  alerts INTEGER NOT NULL,
  countries INTEGER NOT NULL,
  sectors INTEGER NOT NULL,
  feeds INTEGER NOT NULL,
  tlp INTEGER NOT NULL,
  assignee TEXT,
  updated_at INTEGER NOT NULL
) STRICT;

-- Keyed on the id's tail, as alerts_id_tail is (ids end in hash digits).
CREATE INDEX incidents_id_tail ON incidents (substr(id, -8));
CREATE INDEX incidents_by_key ON incidents (key, last_seen);
CREATE INDEX incidents_by_last_seen ON incidents (last_seen);

-- What analysts did: kind is status, assignee or note; value the new status
-- or assignee ('' for none) or the note; previous what it replaced.
CREATE TABLE incident_events (
  id INTEGER PRIMARY KEY,
  incident INTEGER NOT NULL,
  at INTEGER NOT NULL,
  author TEXT NOT NULL,
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  previous TEXT
) STRICT;

CREATE INDEX incident_events_by_incident ON incident_events (incident, at);

ALTER TABLE alerts ADD COLUMN incident INTEGER;

CREATE INDEX alerts_by_incident ON alerts (incident) WHERE incident IS NOT NULL;

CREATE VIEW incident_view AS
SELECT i.num, i.id, i.key, title.text AS title, signature.text AS signature,
  target.text AS target, i.source_network, i.status, i.severity, i.first_seen, i.last_seen,
  i.alerts, countries.text AS countries, sectors.text AS sectors, feeds.text AS feeds, i.tlp,
  i.assignee, i.updated_at
FROM incidents i
  LEFT JOIN texts title ON title.id = i.title
  LEFT JOIN texts signature ON signature.id = i.signature
  LEFT JOIN texts target ON target.id = i.target
  LEFT JOIN texts countries ON countries.id = i.countries
  LEFT JOIN texts sectors ON sectors.id = i.sectors
  LEFT JOIN texts feeds ON feeds.id = i.feeds;

DROP VIEW alert_view;

CREATE VIEW alert_view AS
SELECT ${INITIAL_VIEW_COLUMNS}, a.incident, incident.id AS incident_id
FROM alerts a
  ${INITIAL_VIEW_JOINS}
  LEFT JOIN incidents incident ON incident.num = a.incident;
`;

/** Adds incidents and their timeline. */
export const incidents: Migration = {
  version: 2,
  name: 'incidents',
  up(db) {
    db.exec(SCHEMA);
  },
};
