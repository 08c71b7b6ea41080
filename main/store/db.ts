/**
 * Opens the SQLite file behind the alert cache: creates its folder, sets the
 * pragmas the cache relies on, and migrates it (or, read-only, checks it).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { toCacheError } from './cache-error';
import { assertSchemaVersion, migrate, refuseForeignDatabase } from './migrate';
import { SCHEMA_VERSION } from './migrations';

/** How to open the cache. */
export interface OpenOptions {
  /** Open an existing cache for reading only (a wall screen, `lagebild stats`). */
  readOnly?: boolean;
}

/** How long a statement waits for another process's lock before failing. */
const BUSY_TIMEOUT_MS = 5000;

// Larger pages waste less space at the end of each page for ~300-byte rows;
// only takes effect on a new, empty file.
const PAGE_SIZE = 8192;

function configure(db: Database.Database, file: string, readOnly: boolean): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (readOnly) {
    assertSchemaVersion(db, file, SCHEMA_VERSION);
    return;
  }
  refuseForeignDatabase(db, file);
  db.pragma(`page_size = ${PAGE_SIZE}`);
  db.pragma('journal_mode = WAL');
  // With WAL, NORMAL loses at most the last commits on power loss, never
  // consistency; the feeds' cursors are committed with the alerts, so those
  // records are simply read again.
  db.pragma('synchronous = NORMAL');
  migrate(db, file);
}

/** Opens (creating it if needed, unless read-only) and prepares the cache database. */
export function openDatabase(file: string, options: OpenOptions = {}): Database.Database {
  const readOnly = options.readOnly ?? false;
  let db: Database.Database | undefined;
  try {
    if (!readOnly) mkdirSync(dirname(file), { recursive: true });
    db = new Database(file, readOnly ? { readonly: true, fileMustExist: true } : {});
    configure(db, file, readOnly);
    return db;
  } catch (error) {
    db?.close();
    throw toCacheError(error, file);
  }
}
