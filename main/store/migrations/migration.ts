/**
 * The shape of one schema migration. Each file under migrations/ exports one
 * and never changes once released: a later schema is a new file.
 */
import type { Database } from 'better-sqlite3';

/** One step of the schema, applied in its own transaction. */
export interface Migration {
  /** The PRAGMA user_version the cache has after this step. */
  version: number;
  /** A short name for the log. */
  name: string;
  up(db: Database): void;
}
