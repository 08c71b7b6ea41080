/**
 * The baseline: how fast better-sqlite3 writes the very rows an ingest run
 * stored (its alert rows, raw blocks and incidents) into bare tables without
 * indexes, triggers or constraints, with the cache's page size and pragmas
 * and the same number of transactions. No parsing, no lookups, no
 * compression: what ingest would cost if only the writing were left.
 */
import Database from 'better-sqlite3';
import { BATCH } from './ingest-run';

/** The rows an ingest run stored, as plain values. */
export interface StoredRows {
  alerts: unknown[][];
  blocks: unknown[][];
  incidents: unknown[][];
}

/** Reads back the rows of the tables that grow with every alert. */
export function storedRows(cachePath: string): StoredRows {
  const db = new Database(cachePath, { readonly: true });
  const read = (table: string) => db.prepare(`SELECT * FROM ${table}`).raw().all() as unknown[][];
  const rows = { alerts: read('alerts'), blocks: read('raw_blocks'), incidents: read('incidents') };
  db.close();
  return rows;
}

function bareTable(db: Database.Database, name: string, width: number) {
  const columns = Array.from({ length: width }, (_, i) => `c${i}`);
  db.exec(`CREATE TABLE ${name} (${columns.join(', ')})`);
  return db.prepare(`INSERT INTO ${name} VALUES (${columns.map(() => '?').join(', ')})`);
}

/**
 * Alert rows a second written into a new file at `path`: one transaction per
 * BATCH alert rows, each also taking its share of the blocks and incidents.
 */
export function rawInsertRate(path: string, rows: StoredRows): number {
  const db = new Database(path);
  db.pragma('page_size = 8192');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const insertAlert = bareTable(db, 'alerts', rows.alerts[0]?.length ?? 1);
  const insertBlock = bareTable(db, 'blocks', rows.blocks[0]?.length ?? 1);
  const insertIncident = bareTable(db, 'incidents', rows.incidents[0]?.length ?? 1);
  const batches = Math.max(1, Math.ceil(rows.alerts.length / BATCH));
  const share = (all: unknown[][], batch: number) => {
    const size = Math.ceil(all.length / batches);
    return all.slice(batch * size, (batch + 1) * size);
  };
  const write = db.transaction((batch: number) => {
    for (const row of rows.alerts.slice(batch * BATCH, (batch + 1) * BATCH)) insertAlert.run(row);
    for (const row of share(rows.blocks, batch)) insertBlock.run(row);
    for (const row of share(rows.incidents, batch)) insertIncident.run(row);
  });
  const start = performance.now();
  for (let batch = 0; batch < batches; batch += 1) write.immediate(batch);
  const seconds = (performance.now() - start) / 1000;
  db.close();
  return rows.alerts.length / seconds;
}
