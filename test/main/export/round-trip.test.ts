/**
 * Export, then import into a fresh cache: a STIX bundle of Lagebild's
 * gives back the same alerts, grouped into the same incidents.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert, Incident } from '../../../shared/model';
import { exportSelection } from '../../../main/export/export-file';
import type { AlertCache } from '../../../main/store/alert-cache';
import { samplePath } from '../../support/samples';
import { allAlerts, allIncidents, freshCache, importInto } from './export-harness';

const opened: AlertCache[] = [];
const open = () => {
  const cache = freshCache();
  opened.push(cache);
  return cache;
};
afterEach(() => {
  for (const cache of opened.splice(0)) cache.close();
});

/** What a re-import must keep of an alert: all but the feed and when it was received. */
const comparable = ({ feed: _feed, receivedAt: _receivedAt, ...alert }: Alert) => alert;
const incidentShape = ({ updatedAt: _u, feeds: _f, ...incident }: Incident) => incident;

/** Exports everything and imports it into a fresh cache, trusting the bundle's alert ids or not. */
async function exportAndReimport(
  source: AlertCache,
  trustLagebildIds: boolean,
): Promise<AlertCache> {
  const file = exportSelection(source, 'stix', { tlp: 'red' });
  const path = join(mkdtempSync(join(tmpdir(), 'lagebild-bundle-')), file.filename);
  writeFileSync(path, file.content);
  const target = open();
  await importInto(target, [path], 'reimport', 'clear', trustLagebildIds);
  return target;
}

/** What an untrusted re-import keeps of an alert: all but its id, incident and feed. */
const described = (alert: Alert) => {
  const { id: _id, incidentId: _incident, ...rest } = comparable(alert);
  return JSON.stringify(rest);
};

describe('STIX export round trip', () => {
  it('gives back the same alerts and incidents for real sensor and intel samples', async () => {
    const source = open();
    await importInto(source, [samplePath('suricata-eve')], 'eve', 'amber');
    await importInto(source, [samplePath('zeek')], 'zeek', 'green');
    await importInto(source, [samplePath('cowrie')], 'cowrie', 'red');
    await importInto(source, [samplePath('stix21', 'tlp2-markings')], 'stix', 'clear');
    await importInto(source, [samplePath('stix21', 'cti-documentation')], 'cti', 'amber+strict');
    const before = allAlerts(source);
    expect(before.length).toBeGreaterThan(20);
    expect(new Set(before.map((alert) => alert.tlp)).size).toBeGreaterThanOrEqual(3);
    expect(before.some((alert) => alert.source?.port !== undefined)).toBe(true);

    const target = await exportAndReimport(source, true);

    expect(allAlerts(target).map(comparable)).toEqual(before.map(comparable));
    expect(allIncidents(target).map(incidentShape)).toEqual(
      allIncidents(source).map(incidentShape),
    );
  });

  it('without trust, gives back the same alerts under new ids of its own', async () => {
    const source = open();
    await importInto(source, [samplePath('suricata-eve')], 'eve', 'amber');
    await importInto(source, [samplePath('stix21', 'tlp2-markings')], 'stix', 'clear');
    const before = allAlerts(source);

    const after = allAlerts(await exportAndReimport(source, false));

    expect(after.map(described).sort()).toEqual(before.map(described).sort());
    const knownIds = new Set(before.map((alert) => alert.id));
    expect(after.filter((alert) => knownIds.has(alert.id))).toEqual([]);
  });

  it('exports the same ids for the same data', async () => {
    const source = open();
    await importInto(source, [samplePath('suricata-eve')]);
    const once = exportSelection(source, 'stix', { tlp: 'red' }, { now: 0 });
    const twice = exportSelection(source, 'stix', { tlp: 'red' }, { now: 0 });
    expect(twice.content).toBe(once.content);
  });
});
