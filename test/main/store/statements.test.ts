import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MAX_STATEMENTS, Statements } from '../../../main/store/statements';

describe('prepared statements', () => {
  it('reuses a statement, and keeps no more than the bound however many texts come', () => {
    const db = new Database(':memory:');
    const statements = new Statements(db);
    const first = statements.get('SELECT 1');
    expect(statements.get('SELECT 1')).toBe(first);
    for (let i = 0; i < MAX_STATEMENTS * 4; i += 1) statements.get(`SELECT ${i + 2}`);
    expect(statements.size).toBeLessThanOrEqual(MAX_STATEMENTS);
    // The least recently used went first; a statement asked for again is compiled anew and works.
    expect(statements.get('SELECT 1')).not.toBe(first);
    expect(statements.get('SELECT 1').pluck().get()).toBe(1);
    db.close();
  });
});
