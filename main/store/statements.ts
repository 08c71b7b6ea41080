/**
 * Prepared statements, compiled once per connection and reused.
 */
import type { Database, Statement } from 'better-sqlite3';

/** Compiles each SQL text once and hands back the same statement afterwards. */
export class Statements {
  private readonly cache = new Map<string, Statement>();

  constructor(readonly db: Database) {}

  /** The prepared statement for `sql`. */
  get(sql: string): Statement {
    let statement = this.cache.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }
}
