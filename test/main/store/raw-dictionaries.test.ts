import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AlertCache } from '../../../main/store/alert-cache';
import { RETRAIN_EVERY } from '../../../main/store/raw-dictionaries';
import { EveGenerator } from './eve-generator';
import { removeTempFiles, tempCacheFile } from './helpers';

afterEach(removeTempFiles);

const T0 = Date.UTC(2025, 6, 1);

function commitEve(cache: AlertCache, generator: EveGenerator, from: number, count: number) {
  const alerts = Array.from({ length: count }, (_, i) =>
    generator.alert(T0 + (from + i) * 1000, 'dmz'),
  );
  cache.commit({ feed: 'dmz', feedType: 'eve', alerts, quarantine: [] });
  return alerts;
}

function dictionaryUse(file: string): { dict: number; feed: number | null; n: number }[] {
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare(
      `SELECT d.id AS dict, d.feed, count(a.seq) AS n
       FROM raw_dicts d LEFT JOIN alerts a ON a.raw_dict = d.id GROUP BY d.id ORDER BY d.id`,
    )
    .all() as { dict: number; feed: number | null; n: number }[];
  db.close();
  return rows;
}

describe('raw dictionaries', () => {
  it('starts with the preset, trains on the feed, retrains, and inflates every row', () => {
    const file = tempCacheFile();
    const generator = new EveGenerator(7);
    const cache = AlertCache.open(file);
    const first = commitEve(cache, generator, 0, 10);
    const trainedOn = commitEve(cache, generator, 10, 100);
    for (let done = 110; done < 110 + RETRAIN_EVERY; done += 1000) {
      commitEve(cache, generator, done, 1000);
    }
    const use = dictionaryUse(file);
    expect(use.map(({ feed }) => feed)).toEqual([null, 1, 1]);
    expect(use[0]?.n).toBe(10);
    for (const alert of [...first, ...trainedOn.slice(-3)]) {
      expect(cache.getAlert(alert.id)?.raw).toBe(alert.raw);
    }
    cache.close();
  });

  it('goes on with the trained dictionary after a reopen', () => {
    const file = tempCacheFile();
    const generator = new EveGenerator(8);
    const cache = AlertCache.open(file);
    commitEve(cache, generator, 0, 100);
    cache.close();
    const reopened = AlertCache.open(file);
    const later = commitEve(reopened, generator, 100, 5);
    // The first batch alone filled a dictionary, so the preset was never needed.
    expect(dictionaryUse(file)).toEqual([{ dict: 1, feed: 1, n: 105 }]);
    expect(reopened.getAlert(later[4]?.id ?? '')?.raw).toBe(later[4]?.raw);
    reopened.close();
  });
});
