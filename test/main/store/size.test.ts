import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertCache } from '../../../main/store/alert-cache';
import { EveGenerator } from './eve-generator';
import { removeTempFiles, tempCacheFile } from './helpers';

afterEach(removeTempFiles);

/**
 * Fills a cache with `count` generated EVE alerts, `perSecond` of them a
 * second, committed `perCommit` at a time.
 */
function fillWithEve(file: string, count: number, perSecond: number, perCommit: number) {
  const cache = AlertCache.open(file);
  const generator = new EveGenerator();
  const start = Date.UTC(2025, 5, 2, 6, 0, 0);
  let rawBytes = 0;
  for (let done = 0; done < count;) {
    const alerts = [];
    for (let i = 0; i < perCommit && done < count; i += 1, done += 1) {
      const alert = generator.alert(start + Math.round((done * 1000) / perSecond), 'sensor-dmz');
      rawBytes += Buffer.byteLength(alert.raw);
      alerts.push(alert);
    }
    cache.commit({ feed: 'sensor-dmz', feedType: 'eve', alerts, quarantine: [] });
  }
  return { cache, meanRawBytes: rawBytes / count };
}

// The tables and indexes that grow with every alert, and with every incident.
const INCIDENT_OBJECTS = [
  'incidents',
  'incidents_id_tail',
  'incidents_by_key',
  'incidents_by_last_seen_covering',
];

/** Bytes on disk of the cache's incident tables and indexes, and how many incidents. */
function incidentBytes(file: string): { incidents: number; count: number } {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all() as {
    name: string;
    bytes: number;
  }[];
  const count = db.prepare('SELECT count(*) FROM incidents').pluck().get() as number;
  db.close();
  const incidents = rows
    .filter((row) => INCIDENT_OBJECTS.includes(row.name))
    .reduce((sum, row) => sum + row.bytes, 0);
  return { incidents, count };
}

describe('cache size', () => {
  // An import commits thousands of records at once, a live tail a few per poll.
  it.each([
    ['imported', 200],
    ['tailed', 5],
  ])('stores a realistic Suricata alert in at most 300 bytes, %s', (_, perCommit) => {
    const file = tempCacheFile();
    const count = 20_000;
    const { cache, meanRawBytes } = fillWithEve(file, count, 5, perCommit);
    expect(meanRawBytes).toBeGreaterThan(500);
    expect(meanRawBytes).toBeLessThan(900);
    const sample = cache.recentAlerts(1)[0];
    expect(cache.getAlert(sample?.id ?? '')?.raw).toMatch(/^\{"timestamp":/);
    // Closing checkpoints the write-ahead log into the file.
    cache.close();
    // How many alerts an incident gathers depends on the traffic, so the
    // alerts and the incidents each have their own budget.
    const { incidents, count: incidentCount } = incidentBytes(file);
    // Everything else, free pages included, is the alerts'.
    const rest = statSync(file).size - incidents;
    expect(rest / count).toBeLessThanOrEqual(300);
    expect(incidentCount).toBeGreaterThan(0);
    expect(incidents / incidentCount).toBeLessThanOrEqual(200);
  });
});
