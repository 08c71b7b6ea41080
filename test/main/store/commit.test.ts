import { afterEach, describe, expect, it } from 'vitest';
import { AlertCache } from '../../../main/store/alert-cache';
import type { CommitBatch } from '../../../main/store/commit';
import { MAX_QUARANTINE_RAW_BYTES } from '../../../main/store/quarantine';
import { makeAlert, removeTempFiles, tempCacheFile } from './helpers';

afterEach(removeTempFiles);

function batch(overrides: Partial<CommitBatch>): CommitBatch {
  return { feed: 'sensor-a', feedType: 'eve', alerts: [], quarantine: [], ...overrides };
}

describe('AlertCache.commit', () => {
  it('stores each id once: a re-commit adds nothing and counts duplicates', () => {
    const cache = AlertCache.open(tempCacheFile());
    const alerts = ['eve:0001aaaa', 'eve:0002bbbb', 'eve:0003cccc'].map((id) => makeAlert({ id }));
    expect(cache.commit(batch({ alerts }))).toEqual({ inserted: 3, duplicates: 0 });
    expect(cache.commit(batch({ alerts }))).toEqual({ inserted: 0, duplicates: 3 });
    const again = [...alerts.slice(1), makeAlert({ id: 'eve:0004dddd' })];
    expect(cache.commit(batch({ alerts: again }))).toEqual({ inserted: 1, duplicates: 2 });
    expect(cache.stats().alerts).toBe(4);
    expect(cache.feedCounters()[0]).toMatchObject({ id: 'sensor-a', alerts: 4 });
    cache.close();
  });

  it('counts a repeated id inside one batch as a duplicate', () => {
    const cache = AlertCache.open(tempCacheFile());
    const alert = makeAlert({ id: 'eve:twice-0001' });
    expect(cache.commit(batch({ alerts: [alert, alert] }))).toEqual({ inserted: 1, duplicates: 1 });
    cache.close();
  });

  it('keeps ids apart that share their last characters', () => {
    const cache = AlertCache.open(tempCacheFile());
    const ids = ['stix:a-00000001', 'misp:b-00000001', 'eve:c-00000001'];
    const alerts = ids.map((id, i) => makeAlert({ id, title: `title ${i}` }));
    expect(cache.commit(batch({ alerts }))).toEqual({ inserted: 3, duplicates: 0 });
    for (const [i, id] of ids.entries()) expect(cache.getAlert(id)?.title).toBe(`title ${i}`);
    expect(cache.commit(batch({ alerts }))).toEqual({ inserted: 0, duplicates: 3 });
    cache.close();
  });

  it('quarantines records with reason, position and a capped raw', () => {
    const cache = AlertCache.open(tempCacheFile());
    const huge = 'x'.repeat(MAX_QUARANTINE_RAW_BYTES + 5000);
    const invalidUtf8 = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
    cache.commit(
      batch({
        quarantine: [
          { position: 'line 3', reason: 'not JSON', raw: huge },
          { position: 'line 9', reason: 'bad bytes', raw: invalidUtf8 },
        ],
      }),
    );
    const [bytes, text] = cache.listQuarantine(10);
    expect(bytes).toMatchObject({ feed: 'sensor-a', position: 'line 9', reason: 'bad bytes' });
    expect(bytes?.raw).toBe('{\uFFFD\uFFFD}');
    expect(bytes?.rawBytes).toBe(4);
    expect(text).toMatchObject({ position: 'line 3', reason: 'not JSON' });
    expect(text?.raw).toHaveLength(MAX_QUARANTINE_RAW_BYTES);
    expect(text?.rawBytes).toBe(MAX_QUARANTINE_RAW_BYTES + 5000);
    expect(cache.listQuarantine(1)).toHaveLength(1);
    expect(cache.stats().quarantined).toBe(2);
    cache.close();
  });

  it('keeps a record rejected again (a file imported twice) once', () => {
    const cache = AlertCache.open(tempCacheFile());
    const rejected = { position: 'a.json:1', reason: 'eve: not JSON', raw: '{oops' };
    cache.commit(batch({ quarantine: [rejected] }));
    cache.commit(batch({ quarantine: [rejected, { ...rejected, position: 'a.json:2' }] }));
    expect(cache.stats().quarantined).toBe(2);
    expect(cache.listQuarantine(10).map((q) => q.position)).toEqual(['a.json:2', 'a.json:1']);
    cache.close();
  });

  it('keeps the cursor across close and reopen, and keeps it when a batch has none', () => {
    const file = tempCacheFile();
    const cache = AlertCache.open(file);
    expect(cache.cursor('sensor-a')).toBeUndefined();
    cache.commit(batch({ alerts: [makeAlert({ id: 'eve:cursor-01' })], cursor: 'offset:4096' }));
    cache.close();
    const reopened = AlertCache.open(file);
    expect(reopened.cursor('sensor-a')).toBe('offset:4096');
    reopened.commit(batch({ ignored: { dns: 2 } }));
    expect(reopened.cursor('sensor-a')).toBe('offset:4096');
    reopened.commit(batch({ cursor: 'offset:8192' }));
    expect(reopened.cursor('sensor-a')).toBe('offset:8192');
    expect(reopened.cursor('other')).toBeUndefined();
    reopened.close();
  });

  it('adds up the feed counters and ignored event types across commits', () => {
    const cache = AlertCache.open(tempCacheFile());
    const receivedAt = Date.UTC(2025, 2, 1);
    cache.commit(batch({ alerts: [makeAlert({ id: 'eve:count-01', receivedAt })] }));
    cache.commit(batch({ ignored: { dns: 3, flow: 1 } }));
    cache.commit(
      batch({ ignored: { dns: 2 }, quarantine: [{ position: 'p', reason: 'r', raw: '' }] }),
    );
    cache.commit(batch({ feed: 'misp', feedType: 'stix21' }));
    const [misp, sensor] = cache.feedCounters();
    expect(misp).toEqual({ id: 'misp', type: 'stix21', alerts: 0, quarantined: 0, ignored: {} });
    expect(sensor).toMatchObject({
      id: 'sensor-a',
      type: 'eve',
      alerts: 1,
      quarantined: 1,
      ignored: { dns: 5, flow: 1 },
    });
    expect(sensor?.lastEventAt).toBeGreaterThan(receivedAt);
    cache.close();
  });

  it('rolls a failed batch back whole and goes on working', () => {
    const cache = AlertCache.open(tempCacheFile());
    const good = makeAlert({ id: 'eve:good-0001', title: 'a title seen first here' });
    const bad = { ...makeAlert({ id: 'eve:bad-00001' }), kind: 'bogus' } as unknown as typeof good;
    expect(() => cache.commit(batch({ alerts: [good, bad], cursor: 'c1' }))).toThrow();
    expect(cache.stats().alerts).toBe(0);
    expect(cache.cursor('sensor-a')).toBeUndefined();
    expect(cache.commit(batch({ alerts: [good], cursor: 'c2' }))).toEqual({
      inserted: 1,
      duplicates: 0,
    });
    expect(cache.getAlert(good.id)).toMatchObject({ title: good.title, raw: good.raw });
    cache.close();
  });

  it('refuses an alert of another feed than its batch', () => {
    const cache = AlertCache.open(tempCacheFile());
    const alert = makeAlert({ id: 'eve:stray-001', feed: 'sensor-b' });
    expect(() => cache.commit(batch({ alerts: [alert] }))).toThrow(/sensor-b, not sensor-a/);
    cache.close();
  });
});
