/**
 * Migration 006 and the log of maintenance runs it adds: a STRICT table,
 * the newest run of each kind read back, the history bounded, and a row
 * that does not read as a run taken for none.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  lastCompaction,
  lastRetentionRun,
  recordCompaction,
  recordRetentionRun,
} from '../../../main/store/maintenance-runs';
import { migrate } from '../../../main/store/migrate';
import { MIGRATIONS } from '../../../main/store/migrations';
import { Statements } from '../../../main/store/statements';

function migrated(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, ':memory:', MIGRATIONS.slice(0, 6));
  return db;
}

const run = (at: number) => ({
  at,
  reason: 'age' as const,
  removedAlerts: at,
  removedIncidents: 0,
  removedQuarantined: 0,
  cutoff: at - 1,
});

describe('maintenance runs', () => {
  it('006 adds a STRICT table of runs', () => {
    const db = migrated();
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    const table = db
      .prepare("SELECT strict FROM pragma_table_list WHERE name = 'maintenance_runs'")
      .pluck()
      .get();
    expect(table).toBe(1);
  });

  it('reads back the newest run of each kind and keeps a bounded history', () => {
    const statements = new Statements(migrated());
    expect(lastRetentionRun(statements)).toBeUndefined();
    expect(lastCompaction(statements)).toBeUndefined();
    for (let at = 1; at <= 150; at += 1) recordRetentionRun(statements, run(at));
    recordCompaction(statements, { at: 200, freedBytes: 8192 });
    expect(lastRetentionRun(statements)).toEqual(run(150));
    expect(lastCompaction(statements)).toEqual({ at: 200, freedBytes: 8192 });
    const count = statements.get("SELECT count(*) FROM maintenance_runs WHERE kind = 'retention'");
    expect(count.pluck().get()).toBe(100);
  });

  it('takes a damaged row for no run', () => {
    const statements = new Statements(migrated());
    statements
      .get("INSERT INTO maintenance_runs (kind, at, details) VALUES ('retention', 1, ?)")
      .run('{"at":"yesterday"}');
    expect(lastRetentionRun(statements)).toBeUndefined();
  });
});
