/**
 * The TLP an alert is stored with: its record's marking, the feed's default
 * when it has none, and the stricter of the two when only part of what the
 * alert was made from was marked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ingestor } from '../../../main/core/ingest';
import { stix21Parser } from '../../../main/parsers/stix21';
import type { Tlp } from '../../../shared/vocab';
import { AlertCache } from '../../../main/store/alert-cache';
import { removeTempFiles, tempCacheFile } from '../store/helpers';
import { bundle, indicator, relationship } from '../parsers/stix/fixtures';

const ID = 'indicator--11111111-1111-4111-8111-111111111111';
const RED = 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1';
const CLEAR = 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487';

let cache: AlertCache;

beforeEach(() => {
  cache = AlertCache.open(tempCacheFile());
});

afterEach(() => {
  cache.close();
  removeTempFiles();
});

/** The TLP each alert of the document is stored with, in a feed of TLP `feedTlp`. */
function storedTlp(feedTlp: Tlp, ...objects: unknown[]): Tlp[] {
  const text = bundle(...objects);
  const feed = { id: 'intel', type: 'file-import', tlp: feedTlp };
  new Ingestor(cache, (alert) => alert).ingest(feed, stix21Parser, {
    records: [{ position: 'bundle.json', raw: Buffer.from(text), text }],
  });
  return cache.recentAlerts(10).map((alert) => alert.tlp);
}

describe('stored TLP of STIX alerts', () => {
  const reporter = { type: 'identity', id: 'identity--1', sectors: ['defense'] };

  it('does not lower an unmarked indicator to the CLEAR marking of its reporter', () => {
    const clearReporter = { ...reporter, object_marking_refs: [CLEAR] };
    const unmarked = indicator({ created_by_ref: reporter.id });
    expect(storedTlp('amber', unmarked, clearReporter)).toEqual(['amber']);
  });

  it('keeps a marking stricter than the feed default', () => {
    const redReporter = { ...reporter, object_marking_refs: [RED] };
    expect(storedTlp('green', indicator({ created_by_ref: reporter.id }), redReporter)).toEqual([
      'red',
    ]);
  });

  it('keeps a fully marked alert at its own marking', () => {
    const clear = { object_marking_refs: [CLEAR] };
    const malware = { type: 'malware', id: 'malware--1', name: 'Fan', ...clear };
    const indicates = { ...relationship('indicates', ID, malware.id), ...clear };
    expect(storedTlp('amber', indicator(clear), malware, indicates)).toEqual(['clear']);
  });

  it('says how far behind its arrival the newest alert of a batch was observed', () => {
    const observed = Date.parse('2025-01-01T12:00:00Z');
    const text = bundle(indicator({ id: ID, valid_from: '2025-01-01T12:00:00Z' }));
    const feed = { id: 'intel', type: 'file-import', tlp: 'green' as const };
    const ingestor = new Ingestor(
      cache,
      (alert) => alert,
      () => observed + 90_000,
    );
    const summary = ingestor.ingest(feed, stix21Parser, {
      records: [{ position: 'bundle.json', raw: Buffer.from(text), text }],
    });
    expect(summary.inserted).toBe(1);
    expect(summary.lagMs).toBe(90_000);
  });
});
