import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertCache } from '../../../main/store/alert-cache';
import { CacheError, toCacheError } from '../../../main/store/cache-error';
import { makeAlert, removeTempFiles, tempCacheFile } from './helpers';

afterEach(removeTempFiles);

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

function cacheWithOneAlert(): string {
  const file = tempCacheFile();
  const cache = AlertCache.open(file);
  const alerts = [makeAlert({ id: 'eve:ro-000001' })];
  cache.commit({ feed: 'sensor-a', feedType: 'eve', alerts, quarantine: [], cursor: 'c' });
  cache.close();
  return file;
}

describe('cache errors', () => {
  it('opens read-only, reads, and refuses writes as read-only', () => {
    const file = cacheWithOneAlert();
    const cache = AlertCache.open(file, { readOnly: true });
    expect(cache.stats().alerts).toBe(1);
    expect(cache.getAlert('eve:ro-000001')?.raw).toBe('{"id":"eve:ro-000001"}');
    const alerts = [makeAlert({ id: 'eve:ro-000002' })];
    const error = thrown(() =>
      cache.commit({ feed: 'sensor-a', feedType: 'eve', alerts, quarantine: [] }),
    );
    expect(error).toBeInstanceOf(CacheError);
    expect(error).toMatchObject({ kind: 'read-only', file });
    expect((error as CacheError).message).toContain(file);
    cache.close();
  });

  it('reads while another connection writes', () => {
    const file = cacheWithOneAlert();
    const writer = AlertCache.open(file);
    const reader = AlertCache.open(file, { readOnly: true });
    const alerts = [makeAlert({ id: 'eve:live-00001' })];
    writer.commit({ feed: 'sensor-a', feedType: 'eve', alerts, quarantine: [] });
    expect(reader.latestSeq()).toBe(2);
    reader.close();
    writer.close();
  });

  it('names a damaged file as corrupt', () => {
    const file = tempCacheFile();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(
      file,
      Buffer.from('this is not an SQLite database, just garbage bytes '.repeat(200)),
    );
    for (const readOnly of [false, true]) {
      const error = thrown(() => AlertCache.open(file, { readOnly }));
      expect(error).toBeInstanceOf(CacheError);
      expect(error).toMatchObject({ kind: 'corrupt', file });
      expect((error as CacheError).message).toMatch(/damaged/);
    }
  });

  it('says which file is missing when a read-only open finds none', () => {
    const file = tempCacheFile();
    const error = thrown(() => AlertCache.open(file, { readOnly: true }));
    expect(error).toBeInstanceOf(CacheError);
    expect((error as CacheError).message).toContain(file);
  });

  it('classifies SQLite and file system codes', () => {
    const cases: [code: string, kind: CacheError['kind']][] = [
      ['SQLITE_CORRUPT_INDEX', 'corrupt'],
      ['SQLITE_NOTADB', 'corrupt'],
      ['SQLITE_READONLY_DBMOVED', 'read-only'],
      ['EROFS', 'read-only'],
      ['SQLITE_FULL', 'full'],
      ['ENOSPC', 'full'],
      ['SQLITE_BUSY_SNAPSHOT', 'locked'],
      ['SQLITE_LOCKED', 'locked'],
      ['Z_DATA_ERROR', 'corrupt'],
      ['SQLITE_MISMATCH', 'unknown'],
    ];
    for (const [code, kind] of cases) {
      const error = toCacheError(Object.assign(new Error('boom'), { code }), '/data/cache.db');
      expect(error, code).toMatchObject({ kind, file: '/data/cache.db' });
      expect(error.message).toContain('/data/cache.db');
    }
    const kept = new CacheError('full', '/x', 'disk full');
    expect(toCacheError(kept, '/y')).toBe(kept);
  });
});
