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
    expect(statSync(file).size / count).toBeLessThanOrEqual(300);
  });
});
