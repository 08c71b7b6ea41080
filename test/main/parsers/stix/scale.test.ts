/**
 * Documents shaped to make parsing expensive: wide fan-out through shared
 * objects must cost linear time, and millions of bad objects bounded memory.
 */
import { describe, expect, it } from 'vitest';
import { parseStixDocument } from '../../../../main/parsers/stix21';
import { MAX_LISTED_REJECTIONS } from '../../../../main/parsers/stix/objects';
import { alertsOf } from '../samples';
import { bundle, indicator, relationship } from './fixtures';

const RED = 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('STIX documents at scale', () => {
  it('parses N indicators of one malware that targets N identities in linear time', () => {
    const n = 20_000;
    const malware = {
      type: 'malware',
      id: `malware--${uuid(0)}`,
      name: 'Fan',
      is_family: true,
      object_marking_refs: [RED],
    };
    const objects: unknown[] = [malware];
    for (let i = 0; i < n; i += 1) {
      const identity = `identity--${uuid(i)}`;
      const id = `indicator--${uuid(i)}`;
      objects.push(
        { type: 'identity', id: identity, name: `v${i}`, sectors: ['energy', `odd-${i}`] },
        relationship('targets', malware.id, identity, 2 * i),
        indicator({ id }),
        relationship('indicates', id, malware.id, 2 * i + 1),
      );
    }
    const started = performance.now();
    const alerts = alertsOf(parseStixDocument(bundle(...objects)));
    const seconds = (performance.now() - started) / 1000;

    expect(alerts).toHaveLength(n);
    for (const alert of [alerts[0], alerts[n - 1]]) {
      expect(alert).toMatchObject({ sectors: ['energy'], tlp: 'red' });
      expect(alert?.tags).toContain('malware:Fan');
      // The tags an alert keeps are bounded, however many victims there are.
      expect(alert?.tags.length).toBeLessThanOrEqual(50);
    }
    // Quadratic work took minutes at this size; linear takes about a second.
    expect(seconds).toBeLessThan(10);
  });

  it('parses N sightings of one widely marked indicator in linear time', () => {
    const n = 20_000;
    const seen = indicator({
      indicator_types: Array.from({ length: n }, (_, i) => `type-${i}`),
      object_marking_refs: Array.from({ length: n }, () => RED),
    });
    const objects: unknown[] = [seen];
    for (let i = 0; i < n; i += 1) {
      objects.push({
        type: 'sighting',
        id: `sighting--${uuid(i)}`,
        first_seen: '2024-01-01T00:00:00Z',
        sighting_of_ref: seen.id,
      });
    }
    const started = performance.now();
    const alerts = alertsOf(parseStixDocument(bundle(...objects)));
    expect(alerts).toHaveLength(n + 1);
    expect(alerts[n]).toMatchObject({ kind: 'sighting', tlp: 'red', category: 'type-0' });
    expect((performance.now() - started) / 1000).toBeLessThan(10);
  });

  it('lists the first rejected objects and only counts the rest', () => {
    const n = 1_500_000;
    const text = `{"type":"bundle","id":"bundle--x","objects":[${'{},'.repeat(n - 1)}{}]}`;
    const result = parseStixDocument(text, 'big.json');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.alerts).toEqual([]);
    expect(result.rejected).toHaveLength(MAX_LISTED_REJECTIONS);
    expect(result.rejected?.[0]).toEqual({
      position: 'big.json: object 1',
      reason: 'no type',
      raw: '{}',
    });
    expect(result.rejectedMore).toBe(n - MAX_LISTED_REJECTIONS);
  });
});
