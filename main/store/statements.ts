/**
 * Prepared statements, compiled once per connection and reused. The cache
 * is bounded: filters combine into many SQL texts, and a client sending
 * every combination must not grow the server's memory without end.
 */
import type { Database, Statement } from 'better-sqlite3';

/** How many statements are kept; the least recently used one goes first. */
export const MAX_STATEMENTS = 256;

/** Compiles each SQL text once and hands back the same statement afterwards. */
export class Statements {
  private readonly cache = new Map<string, Statement>();

  constructor(readonly db: Database) {}

  /** How many statements are held now. */
  get size(): number {
    return this.cache.size;
  }

  /** The prepared statement for `sql`. */
  get(sql: string): Statement {
    let statement = this.cache.get(sql);
    if (statement) {
      // Moved to the end of the map's order: the most recently used.
      this.cache.delete(sql);
    } else {
      statement = this.db.prepare(sql);
      if (this.cache.size >= MAX_STATEMENTS) {
        const oldest = this.cache.keys().next().value;
        if (oldest !== undefined) this.cache.delete(oldest);
      }
    }
    this.cache.set(sql, statement);
    return statement;
  }
}
