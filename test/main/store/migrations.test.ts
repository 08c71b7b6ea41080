import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertCache } from '../../../main/store/alert-cache';
import { CacheError } from '../../../main/store/cache-error';
import { openDatabase } from '../../../main/store/db';
import { migrate } from '../../../main/store/migrate';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../main/store/migrations';
import { removeTempFiles, tempCacheFile } from './helpers';

afterEach(removeTempFiles);

function columns(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}

function indexColumns(db: Database.Database, index: string): string[] {
  return (db.prepare(`PRAGMA index_info(${index})`).all() as { name: string }[]).map((c) => c.name);
}

function objects(db: Database.Database, type: string): string[] {
  const sql = "SELECT name FROM sqlite_schema WHERE type = ? AND name NOT LIKE 'sqlite_%'";
  return (db.prepare(sql).pluck().all(type) as string[]).sort();
}

describe('migrations', () => {
  it('are numbered 1, 2, 3, … without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('001-initial creates STRICT tables, the view, the id index and trigger', () => {
    const db = new Database(':memory:');
    expect(migrate(db, ':memory:', MIGRATIONS.slice(0, 1))).toEqual([1]);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(objects(db, 'table')).toEqual([
      'alert_counts_minute',
      'alert_counts_total',
      'alerts',
      'feeds',
      'quarantine',
      'raw_blocks',
      'raw_dicts',
      'sector_counts_minute',
      'sector_counts_total',
      'texts',
    ]);
    expect(objects(db, 'view')).toEqual(['alert_view']);
    expect(objects(db, 'index')).toEqual(['alerts_id_tail', 'quarantine_once']);
    expect(objects(db, 'trigger')).toEqual(['alerts_unique_id']);
    const tables = db.prepare(
      "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table'",
    );
    for (const table of tables.all() as { name: string; strict: number }[]) {
      if (!table.name.startsWith('sqlite_')) expect(table, table.name).toMatchObject({ strict: 1 });
    }
    expect(columns(db, 'feeds')).toEqual([
      'num',
      'id',
      'type',
      'cursor',
      'alerts',
      'quarantined',
      'ignored',
      'last_event_at',
      'updated_at',
    ]);
    expect(columns(db, 'alerts')).toEqual(
      expect.arrayContaining(['seq', 'id', 'feed', 'kind', 'observed_at', 'received_at']),
    );
    for (const side of ['src', 'dst']) {
      expect(columns(db, 'alerts')).toEqual(
        expect.arrayContaining(
          ['ip', 'port', 'hostname', 'class', 'country', 'asn', 'as_org', 'lat_e4', 'lon_e4'].map(
            (field) => `${side}_${field}`,
          ),
        ),
      );
    }
    // Raw records live in deflated blocks; a row names its block and its place in it.
    expect(columns(db, 'alerts').slice(-2)).toEqual(['raw_block', 'raw_index']);
    expect(columns(db, 'alert_view').slice(-2)).toEqual(['raw_block', 'raw_index']);
    expect(columns(db, 'raw_blocks')).toEqual(['id', 'feed', 'dict', 'records', 'data']);
    expect(columns(db, 'raw_dicts')).toEqual(['id', 'digest', 'dict']);
    expect(columns(db, 'quarantine')).toEqual([
      'id',
      'feed',
      'position',
      'reason',
      'received_at',
      'raw',
      'raw_bytes',
      'fingerprint',
    ]);
    db.close();
  });

  it('002-incidents adds incidents, their timeline and the incident of each alert', () => {
    const db = new Database(':memory:');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 1));
    expect(migrate(db, ':memory:', MIGRATIONS.slice(0, 2))).toEqual([2]);
    expect(objects(db, 'table')).toEqual(expect.arrayContaining(['incidents', 'incident_events']));
    expect(objects(db, 'view')).toEqual(['alert_view', 'incident_view']);
    expect(objects(db, 'index')).toEqual([
      'alerts_by_incident',
      'alerts_id_tail',
      'incident_events_by_incident',
      'incidents_by_key',
      'incidents_by_last_seen',
      'incidents_id_tail',
      'quarantine_once',
    ]);
    expect(columns(db, 'alerts').at(-1)).toBe('incident');
    expect(columns(db, 'alert_view').slice(-2)).toEqual(['incident', 'incident_id']);
    expect(columns(db, 'incident_events')).toEqual([
      'id',
      'incident',
      'at',
      'author',
      'kind',
      'value',
      'previous',
    ]);
    const strict = db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'incidents'");
    expect(strict.pluck().get()).toBe(1);
    db.close();
  });

  it('003-incident-list-index lets the triage list test severity and country on its index', () => {
    const db = new Database(':memory:');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 2));
    expect(migrate(db, ':memory:', MIGRATIONS.slice(0, 3))).toEqual([3]);
    expect(objects(db, 'index')).toEqual([
      'alerts_by_incident',
      'alerts_id_tail',
      'incident_events_by_incident',
      'incidents_by_key',
      'incidents_by_last_seen_covering',
      'incidents_id_tail',
      'quarantine_once',
    ]);
    expect(indexColumns(db, 'incidents_by_last_seen_covering')).toEqual([
      'last_seen',
      'severity',
      'countries',
    ]);
    // A list filtered by severity and country reads no incident it does not show.
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT num FROM incidents i
         WHERE severity IN (3, 4) AND countries IN (SELECT id FROM texts)
         ORDER BY last_seen DESC LIMIT 10`,
      )
      .all() as { detail: string }[];
    expect(plan.map((row) => row.detail)).toContain(
      'SCAN i USING COVERING INDEX incidents_by_last_seen_covering',
    );
    db.close();
  });

  it('004-sector-tlp counts the sector rollups by TLP too', () => {
    const db = new Database(':memory:');
    migrate(db, ':memory:', MIGRATIONS.slice(0, 3));
    expect(migrate(db, ':memory:', MIGRATIONS.slice(0, 4))).toEqual([4]);
    expect(columns(db, 'sector_counts_minute')).toEqual([
      'minute',
      'sector',
      'severity',
      'tlp',
      'n',
    ]);
    expect(columns(db, 'sector_counts_total')).toEqual(['sector', 'severity', 'tlp', 'n']);
    // The rebuild from alerts is checked against the commit's counts in tlp-ceiling.test.ts.
    db.close();
  });

  it('applies nothing when an existing cache is opened again', () => {
    const file = tempCacheFile();
    openDatabase(file).close();
    const db = new Database(file);
    expect(migrate(db, file)).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it("refuses another application's database and leaves it as it was", () => {
    const file = tempCacheFile();
    mkdirSync(dirname(file), { recursive: true });
    const foreign = new Database(file);
    foreign.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    foreign.close();
    const error = catchError(() => AlertCache.open(file));
    expect(error).toMatchObject({ kind: 'schema', file });
    expect(error.message).toMatch(/another application/);
    const after = new Database(file, { readonly: true });
    expect(objects(after, 'table')).toEqual(['customers']);
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    after.close();
  });

  it('refuses a cache written by a newer Lagebild', () => {
    const file = tempCacheFile();
    openDatabase(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    for (const readOnly of [false, true]) {
      const error = catchError(() => AlertCache.open(file, { readOnly }));
      expect(error).toMatchObject({ kind: 'schema', file });
      expect(error.message).toMatch(/newer Lagebild/);
    }
  });

  it('refuses to open an old cache read-only, asking for a writable open', () => {
    const file = tempCacheFile();
    openDatabase(file).close();
    const db = new Database(file);
    db.pragma('user_version = 0');
    db.close();
    const error = catchError(() => AlertCache.open(file, { readOnly: true }));
    expect(error).toMatchObject({ kind: 'schema' });
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/without read-only/);
  });
});

function catchError(run: () => unknown): CacheError {
  try {
    run();
  } catch (error) {
    if (error instanceof CacheError) return error;
    throw error;
  }
  throw new Error('expected a CacheError');
}
