/**
 * Correlation over the real samples: every alert lands in exactly one
 * incident, each incident's alerts share its signature, counts and time
 * span add up, and a second cache fed the same files gets the same incidents.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlertCache } from '../../../main/store/alert-cache';
import { runLagebild } from '../../support/run-cli';
import { samplePath } from '../../support/samples';

function importSamples(): AlertCache {
  const cache = join(mkdtempSync(join(tmpdir(), 'lagebild-corr-')), 'cache.sqlite');
  const paths = [samplePath('suricata-eve'), samplePath('stix21')];
  const run = runLagebild(['import', '--cache', cache, ...paths]);
  expect(run.status, run.stderr).toBe(0);
  return AlertCache.open(cache, { readOnly: true });
}

describe('correlation of the samples', () => {
  it('puts every alert in exactly one incident that agrees with its alerts', () => {
    const cache = importSamples();
    const { alerts } = cache.stats();
    const incidents = cache.incidents({ limit: 1000 });
    expect(alerts).toBeGreaterThan(50);
    expect(incidents.length).toBeGreaterThan(5);
    expect(incidents.reduce((sum, incident) => sum + incident.alerts, 0)).toBe(alerts);
    for (const incident of incidents) {
      const members = cache.incidentAlerts(incident.id, { limit: 10_000 });
      expect(members).toHaveLength(incident.alerts);
      expect(members.every((alert) => alert.incidentId === incident.id)).toBe(true);
      if (incident.signature) {
        expect(members.every((alert) => alert.signature === incident.signature)).toBe(true);
      }
      expect(Math.min(...members.map((alert) => alert.observedAt))).toBe(incident.firstSeen);
      expect(Math.max(...members.map((alert) => alert.observedAt))).toBe(incident.lastSeen);
    }
    cache.close();
  });

  it('gives the same incidents in another cache', () => {
    const first = importSamples();
    const second = importSamples();
    const ids = (cache: AlertCache) =>
      cache
        .incidents({ limit: 1000, sort: 'firstSeen' })
        .map((incident) => [incident.id, incident.alerts]);
    expect(ids(second)).toEqual(ids(first));
    first.close();
    second.close();
  });
});
