/**
 * Schema 6: a log of what retention and compaction did.
 *
 * Retention deletes alerts and compaction rewrites the file; both must be
 * visible afterwards (the settings view shows the last of each), so every
 * run that changed something leaves one row here. kind is 'retention' or
 * 'compaction'; details is the run as JSON (RetentionRun or the freed
 * bytes). Only the newest runs are kept (see ../maintenance-runs.ts).
 */
import type { Migration } from './migration';

const SCHEMA = `
CREATE TABLE maintenance_runs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  at INTEGER NOT NULL,
  details TEXT NOT NULL
) STRICT;

CREATE INDEX maintenance_runs_by_kind ON maintenance_runs (kind, id);
`;

/** Adds the log of retention and compaction runs. */
export const maintenanceRuns: Migration = {
  version: 6,
  name: 'maintenance runs',
  up(db) {
    db.exec(SCHEMA);
  },
};
