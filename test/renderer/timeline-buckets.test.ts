import { describe, expect, it } from 'vitest';
import { bucketAlerts, incidentSpan, zoomDomain } from '../../renderer/incidents/timeline-buckets';

const at = (observedAt: number, severity: 'low' | 'high' | 'critical' = 'low') => ({
  observedAt,
  severity,
});

describe('timeline buckets', () => {
  it('counts the alerts of each bucket and keeps the worst severity', () => {
    const alerts = [at(0), at(5, 'high'), at(9), at(10), at(95, 'critical'), at(100)];
    expect(bucketAlerts(alerts, 0, 100, 10)).toEqual([
      { start: 0, end: 10, count: 3, severity: 'high' },
      { start: 10, end: 20, count: 1, severity: 'low' },
      // The end of the range falls into the last bucket.
      { start: 90, end: 100, count: 2, severity: 'critical' },
    ]);
  });

  it('leaves out alerts outside the range, and never makes more bars than asked', () => {
    const alerts = Array.from({ length: 10_000 }, (_, i) => at(i));
    const buckets = bucketAlerts(alerts, 2000, 3000, 50);
    expect(buckets.length).toBeLessThanOrEqual(50);
    expect(buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(1001);
  });

  it('gives a single alert a readable span', () => {
    const [from, to] = incidentSpan(1_000_000, 1_000_000);
    expect(from).toBeLessThan(1_000_000);
    expect(to - from).toBeGreaterThanOrEqual(60_000);
  });

  it('zooms around a point and stays inside the limits', () => {
    expect(zoomDomain([0, 100_000], 50_000, 0.5, [0, 100_000])).toEqual([25_000, 75_000]);
    expect(zoomDomain([0, 100_000], 0, 0.5, [0, 100_000])).toEqual([0, 50_000]);
    expect(zoomDomain([25_000, 75_000], 70_000, 4, [0, 100_000])).toEqual([0, 100_000]);
    // Never narrower than a second.
    const [from, to] = zoomDomain([0, 2000], 1000, 0.01, [0, 100_000]);
    expect(to - from).toBe(1000);
  });
});
