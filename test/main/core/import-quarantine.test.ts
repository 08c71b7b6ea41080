/**
 * What an import stores in quarantine: every entry names its file, and one
 * file stores a bounded number of entries however much of it is bad.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPaths } from '../../../main/core/import-files';
import { Ingestor } from '../../../main/core/ingest';
import { parserFor } from '../../../main/parsers/detect';
import { LIVE_WINDOW_MS, MAX_QUARANTINE_PER_SOURCE } from '../../../main/core/quarantine-budget';
import type { Format } from '../../../main/parsers/types';
import { AlertCache } from '../../../main/store/alert-cache';
import { removeTempFiles, tempCacheFile } from '../store/helpers';

const feed = { id: 'import', type: 'file-import', tlp: 'amber' as const };

let cache: AlertCache;
let dir: string;

beforeEach(() => {
  const file = tempCacheFile();
  dir = join(file, '..', '..', 'files');
  mkdirSync(dir);
  cache = AlertCache.open(file);
});

afterEach(() => {
  cache.close();
  removeTempFiles();
});

const importAll = (paths: string[], format?: Format) =>
  importPaths(paths, { feed, ingestor: new Ingestor(cache, (alert) => alert), format });

describe('import quarantine', () => {
  it('names the file in the position of a rejected STIX object, and keeps it per file', async () => {
    const bad = {
      type: 'indicator',
      id: 'indicator--00000000-0000-4000-8000-000000000001',
      created: '2024-01-01T00:00:00Z',
      valid_from: 'not a date',
    };
    const a = join(dir, 'site-a.json');
    const b = join(dir, 'site-b.json');
    writeFileSync(a, JSON.stringify({ type: 'bundle', id: 'bundle--1', objects: [bad] }));
    copyFileSync(a, b);

    const report = await importAll([dir]);

    expect(report.total.quarantined).toBe(2);
    expect(cache.stats().quarantined).toBe(2);
    const positions = cache.listQuarantine(10).map((entry) => entry.position);
    expect(positions.sort()).toEqual([`${a}: object 1 (${bad.id})`, `${b}: object 1 (${bad.id})`]);
  });

  it('stores the first rejected lines of a file and one summary for the rest', async () => {
    const junk = 5000;
    const path = join(dir, 'eve.json');
    writeFileSync(path, 'x\n'.repeat(junk));

    const report = await importAll([path], 'eve');
    const again = await importAll([path], 'eve');

    // Every bad line is counted; only the first ones and a summary are stored, once.
    expect(report.total.quarantined).toBe(junk);
    expect(again.total.quarantined).toBe(junk);
    expect(cache.stats().quarantined).toBe(MAX_QUARANTINE_PER_SOURCE + 1);
    const [summary] = cache.listQuarantine(1);
    expect(summary).toMatchObject({
      position: `${path}:${MAX_QUARANTINE_PER_SOURCE + 1}`,
      reason: `${junk - MAX_QUARANTINE_PER_SOURCE} more records rejected like these (only the first ${MAX_QUARANTINE_PER_SOURCE} are kept one by one)`,
      rawBytes: 0,
    });
  });

  it('imports a STIX bundle of 1.5 million empty objects with a bounded quarantine', async () => {
    const objects = 1_500_000;
    const path = join(dir, 'empty.json');
    const items = `${'{},'.repeat(objects - 1)}{}`;
    writeFileSync(path, `{"type":"bundle","id":"bundle--x","objects":[${items}]}`);
    const peakBefore = process.resourceUsage().maxRSS;

    const report = await importAll([path]);

    expect(report.files[0]).toMatchObject({ format: 'stix21' });
    expect(report.total).toMatchObject({ records: 1, inserted: 0, quarantined: objects });
    expect(cache.stats().quarantined).toBe(MAX_QUARANTINE_PER_SOURCE + 1);
    expect(cache.listQuarantine(1)[0]).toMatchObject({
      position: path,
      reason: `${objects - MAX_QUARANTINE_PER_SOURCE} more records rejected like these (only the first ${MAX_QUARANTINE_PER_SOURCE} are kept one by one)`,
    });
    // Parsing the document peaks near 175 MB; with an entry per object it took 500 MB.
    expect((process.resourceUsage().maxRSS - peakBefore) / 1024).toBeLessThan(400);
  });

  it('bounds a live feed batch on its own, its summary stored with it', () => {
    const ingestor = new Ingestor(cache, (alert) => alert);
    const records = Array.from({ length: 1500 }, (_, i) => ({
      position: `tail.json:${i + 1}`,
      raw: Buffer.from('x'),
      text: 'x',
    }));
    const done = ingestor.ingest(feed, parserFor('eve'), { records });
    expect(done.quarantined).toBe(1500);
    expect(cache.stats().quarantined).toBe(MAX_QUARANTINE_PER_SOURCE + 1);
    expect(cache.listQuarantine(1)[0]?.position).toBe(`tail.json:${MAX_QUARANTINE_PER_SOURCE + 1}`);
  });

  it('bounds a live feed over a minute, not a batch: junk at any rate stores little', () => {
    let now = 1_000_000;
    const ingestor = new Ingestor(
      cache,
      (alert) => alert,
      () => now,
    );
    const junk = (batch: number) =>
      Array.from({ length: 600 }, (_, i) => ({
        position: `syslog:${batch}:${i}`,
        raw: Buffer.alloc(1000, 120),
        text: 'x',
      }));
    for (let batch = 0; batch < 10; batch += 1) {
      ingestor.ingest(feed, parserFor('eve'), { records: junk(batch) });
      now += 100;
    }
    // 6,000 rejected within the minute: 1,000 kept one by one, and a small summary per batch past it.
    expect(cache.stats().quarantined).toBe(MAX_QUARANTINE_PER_SOURCE + 9);
    now += LIVE_WINDOW_MS;
    ingestor.ingest(feed, parserFor('eve'), { records: junk(99) });
    expect(cache.stats().quarantined).toBe(MAX_QUARANTINE_PER_SOURCE + 9 + 600);
  });
});
