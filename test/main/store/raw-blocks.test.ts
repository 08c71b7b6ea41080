import Database from 'better-sqlite3';
import { inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../shared/model';
import { AlertCache } from '../../../main/store/alert-cache';
import { CacheError } from '../../../main/store/cache-error';
import { MAX_BLOCK_RECORDS } from '../../../main/store/raw-block-commit';
import { makeAlert, removeTempFiles, tempCacheFile } from './helpers';

afterEach(removeTempFiles);

type RawAlert = Alert & { raw: string };

const TRICKY_RAWS = [
  '{"signature":"Zugriff verweigert: Größe überschritten 🚨","note":"日本語\\u0000"}',
  '',
  'two\nlines\r\nand a\ttab and a NUL \u0000 inside',
  // A record of 3 MiB (in UTF-8) takes a block of its own.
  `{"payload":"${'€'.repeat(1024 * 1024)}"}`,
];

let serial = 0;

function alerts(count: number, feed = 'sensor-a'): RawAlert[] {
  return Array.from({ length: count }, () => {
    serial += 1;
    const id = `eve:raw-${String(serial).padStart(8, '0')}`;
    return makeAlert({ id, feed, raw: `{"id":"${id}","n":${serial}}` });
  });
}

function commit(cache: AlertCache, batch: RawAlert[], feed = 'sensor-a') {
  return cache.commit({ feed, feedType: 'eve', alerts: batch, quarantine: [] });
}

function expectRawsBack(cache: AlertCache, batch: RawAlert[]): void {
  for (const alert of batch) expect(cache.getAlert(alert.id)?.raw).toBe(alert.raw);
}

interface BlockRow {
  id: number;
  feed: number;
  records: number;
  used: number;
  first: number;
  last: number;
}

/** Each block with its record count and the slots the alert rows take in it. */
function blocks(file: string): BlockRow[] {
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare(
      `SELECT b.id, b.feed, b.records, count(a.seq) AS used,
         min(a.raw_index) AS first, max(a.raw_index) AS last
       FROM raw_blocks b LEFT JOIN alerts a ON a.raw_block = b.id GROUP BY b.id ORDER BY b.id`,
    )
    .all() as BlockRow[];
  db.close();
  return rows;
}

/** Every block holds exactly the records its rows name, at slots 0, 1, 2, ... */
function expectDenseBlocks(file: string): void {
  for (const block of blocks(file)) {
    expect(block).toMatchObject({ used: block.records, first: 0, last: block.records - 1 });
  }
}

describe('raw blocks', () => {
  it('returns every raw record byte for byte, non-ASCII and very long ones included', () => {
    const file = tempCacheFile();
    const cache = AlertCache.open(file);
    const tricky = TRICKY_RAWS.map((raw, i) => makeAlert({ id: `eve:tricky-${i}000`, raw }));
    const batch = [...alerts(300), ...tricky, ...alerts(300)];
    expect(commit(cache, batch)).toEqual({ inserted: batch.length, duplicates: 0 });
    expectRawsBack(cache, batch);
    cache.close();
    const counts = blocks(file).map((block) => block.records);
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(batch.length);
    expect(Math.max(...counts)).toBe(MAX_BLOCK_RECORDS);
    expect(counts).toContain(1); // the 3 MiB record alone
    expectDenseBlocks(file);
  });

  it('fills a feed block by block over many small commits, as a live tail makes them', () => {
    const file = tempCacheFile();
    const cache = AlertCache.open(file);
    const all: RawAlert[] = [];
    for (let i = 0; i < MAX_BLOCK_RECORDS + 40; i += 1) {
      const one = alerts(1);
      commit(cache, one);
      all.push(...one);
    }
    expectRawsBack(cache, all);
    cache.close();
    expect(blocks(file).map((block) => block.records)).toEqual([MAX_BLOCK_RECORDS, 40]);
    expectDenseBlocks(file);
  });

  it('gives no slot to a duplicate and keeps the slots of earlier commits', () => {
    const file = tempCacheFile();
    const cache = AlertCache.open(file);
    const [a, b, c, d] = alerts(4) as [RawAlert, RawAlert, RawAlert, RawAlert];
    commit(cache, [a, b]);
    expect(commit(cache, [a, c, b, d, c])).toEqual({ inserted: 2, duplicates: 3 });
    expectRawsBack(cache, [a, b, c, d]);
    cache.close();
    expect(blocks(file)).toEqual([{ id: 1, feed: 1, records: 4, used: 4, first: 0, last: 3 }]);
  });

  it("keeps each feed's records in blocks of their own", () => {
    const file = tempCacheFile();
    const cache = AlertCache.open(file);
    const dmz = alerts(5, 'dmz');
    const core = alerts(5, 'core');
    for (let i = 0; i < 5; i += 1) {
      commit(cache, dmz.slice(i, i + 1), 'dmz');
      commit(cache, core.slice(i, i + 1), 'core');
    }
    expectRawsBack(cache, [...dmz, ...core]);
    cache.close();
    expect(blocks(file).map(({ feed, records }) => ({ feed, records }))).toEqual([
      { feed: 1, records: 5 },
      { feed: 2, records: 5 },
    ]);
  });

  it('starts a new block after a reopen and leaves the old one as it was', () => {
    const file = tempCacheFile();
    const first = AlertCache.open(file);
    const before = alerts(10);
    commit(first, before);
    first.close();
    const second = AlertCache.open(file);
    const after = alerts(10);
    commit(second, after);
    expectRawsBack(second, [...before, ...after]);
    second.close();
    expect(blocks(file).map((block) => block.records)).toEqual([10, 10]);
  });

  it('goes on after a rolled-back commit with every slot accounted for', () => {
    const file = tempCacheFile();
    const cache = AlertCache.open(file);
    const kept = alerts(5);
    commit(cache, kept);
    const [good, other] = alerts(2) as [RawAlert, RawAlert];
    const bad = { ...other, kind: 'bogus' } as unknown as RawAlert;
    expect(() => commit(cache, [...alerts(300), good, bad])).toThrow();
    const later = alerts(5);
    commit(cache, [good, ...later]);
    expectRawsBack(cache, [...kept, good, ...later]);
    expect(cache.stats().alerts).toBe(11);
    cache.close();
    expectDenseBlocks(file);
  });

  it('starts a new block when its open block was changed by someone else', () => {
    const file = tempCacheFile();
    const cache = AlertCache.open(file);
    const before = alerts(3);
    commit(cache, before);
    const other = new Database(file);
    other.prepare('UPDATE raw_blocks SET records = records + 1').run();
    other.close();
    const after = alerts(3);
    commit(cache, after);
    expectRawsBack(cache, [...before, ...after]);
    cache.close();
    expect(blocks(file).map((block) => block.records)).toEqual([4, 3]);
  });

  it('keeps two writers of one feed apart', () => {
    const file = tempCacheFile();
    const one = AlertCache.open(file);
    const two = AlertCache.open(file);
    const batches = [alerts(3), alerts(3), alerts(3), alerts(3)];
    commit(one, batches[0] ?? []);
    commit(two, batches[1] ?? []);
    commit(one, batches[2] ?? []);
    commit(two, batches[3] ?? []);
    expectRawsBack(one, batches.flat());
    one.close();
    two.close();
    expect(blocks(file).map((block) => block.records)).toEqual([6, 6]);
    expectDenseBlocks(file);
  });

  it('can be read from the file alone, with the dictionary the file holds', () => {
    const file = tempCacheFile();
    const cache = AlertCache.open(file);
    const batch = alerts(MAX_BLOCK_RECORDS * 2 + 1);
    commit(cache, batch);
    cache.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM raw_dicts').pluck().get()).toBe(1);
    const row = db
      .prepare(
        `SELECT b.data, d.dict, a.raw_index FROM alerts a
         JOIN raw_blocks b ON b.id = a.raw_block JOIN raw_dicts d ON d.id = b.dict
         WHERE a.id = ?`,
      )
      .get(batch[MAX_BLOCK_RECORDS + 7]?.id) as { data: Buffer; dict: Buffer; raw_index: number };
    db.close();
    // Inflate and cut by hand: varints (the count, then each length), then the records.
    const plain = inflateRawSync(row.data, { dictionary: inflateRawSync(row.dict) });
    let at = 0;
    const varint = () => {
      let value = 0;
      for (let shift = 0; ; shift += 7) {
        const byte = plain[at++] as number;
        value += (byte & 0x7f) << shift;
        if (byte < 0x80) return value;
      }
    };
    const lengths = Array.from({ length: varint() }, varint);
    const start = at + lengths.slice(0, row.raw_index).reduce((sum, n) => sum + n, 0);
    const raw = plain.toString('utf8', start, start + (lengths[row.raw_index] as number));
    expect(raw).toBe(batch[MAX_BLOCK_RECORDS + 7]?.raw);
  });

  it('reports a damaged block as a corrupt cache', () => {
    const file = tempCacheFile();
    const cache = AlertCache.open(file);
    const [alert] = alerts(1) as [RawAlert];
    commit(cache, [alert]);
    const db = new Database(file);
    db.prepare('UPDATE raw_blocks SET data = ?').run(Buffer.from('no longer deflate'));
    db.close();
    expect(() => cache.getAlert(alert.id)).toThrow(CacheError);
    expect(() => cache.getAlert(alert.id)).toThrow(expect.objectContaining({ kind: 'corrupt' }));
    cache.close();
  });
});
