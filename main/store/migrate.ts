/**
 * Brings a cache to the current schema (PRAGMA user_version counts the
 * migrations applied), or, for read-only opens, checks that it is there.
 */
import type { Database } from 'better-sqlite3';
import { scopedLogger } from '../core/log';
import { CacheError } from './cache-error';
import type { Migration } from './migrations/migration';
import { MIGRATIONS } from './migrations';

const log = scopedLogger('store');

function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Throws a CacheError of kind 'schema' for a database with tables but no
 * schema version: another program's, which must not get tables added nor
 * its journal switched. Call before changing anything.
 */
export function refuseForeignDatabase(db: Database, file: string): void {
  if (userVersion(db) !== 0) return;
  const sql = "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'";
  if ((db.prepare(sql).pluck().get() as number) === 0) return;
  throw new CacheError(
    'schema',
    file,
    `${file} is an SQLite database of another application, not an alert cache; ` +
      'give Lagebild a new file or one of its own caches.',
  );
}

function newerSchemaError(file: string, found: number, known: number): CacheError {
  return new CacheError(
    'schema',
    file,
    `The alert cache ${file} has schema version ${found}, written by a newer Lagebild; ` +
      `this one knows versions up to ${known}. Update Lagebild or use another cache.`,
  );
}

/**
 * Applies the migrations the cache lacks, each in its own transaction
 * together with its user_version bump. Returns the versions applied.
 */
export function migrate(
  db: Database,
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  const current = userVersion(db);
  if (current > migrations.length) throw newerSchemaError(file, current, migrations.length);
  refuseForeignDatabase(db, file);
  const applied: number[] = [];
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    log.info(`cache ${file}: applied migration ${migration.version} (${migration.name})`);
    applied.push(migration.version);
  }
  return applied;
}

/** Throws a CacheError of kind 'schema' unless a read-only cache is at `expected`. */
export function assertSchemaVersion(db: Database, file: string, expected: number): void {
  const found = userVersion(db);
  if (found > expected) throw newerSchemaError(file, found, expected);
  if (found < expected) {
    throw new CacheError(
      'schema',
      file,
      `The alert cache ${file} has schema version ${found}; this Lagebild needs ${expected}. ` +
        'Open it once without read-only mode to upgrade it.',
    );
  }
}
