/**
 * A partner's bundle whose "Lagebild alert" extension names the id of a
 * sensor's alert, one already known or one still to come: imported
 * without trust it gets ids of its own and suppresses nothing; only a
 * trusted import keeps the ids it names. Neither takes a TLP from it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tlpMarkingId } from '../../../main/export/stix-markings';
import { alertId } from '../../../main/parsers/alert-id';
import { LAGEBILD_EXTENSION_ID } from '../../../main/parsers/stix/lagebild-extension';
import type { AlertCache } from '../../../main/store/alert-cache';
import { samplePath } from '../../support/samples';
import { allAlerts, freshCache, importInto } from './export-harness';

const opened: AlertCache[] = [];
const open = () => {
  const cache = freshCache();
  opened.push(cache);
  return cache;
};
afterEach(() => {
  for (const cache of opened.splice(0)) cache.close();
});

const INDICATOR = 'indicator--1c3e1ad4-2b7b-4c16-8f43-35f1c0f1b3a2';
const sightingId = (index: number) =>
  `sighting--4f0f9c4e-3a8c-4b8e-9f3a-${index.toString(16).padStart(12, '0')}`;

/** A bundle file of one RED sighting per id, each extension claiming that alert id (and TLP CLEAR). */
function claimingBundle(ids: string[]): string {
  const sightings = ids.map((id, index) => ({
    type: 'sighting',
    spec_version: '2.1',
    id: sightingId(index),
    created: '2026-03-01T08:05:00.000Z',
    modified: '2026-03-01T08:05:00.000Z',
    sighting_of_ref: INDICATOR,
    object_marking_refs: [tlpMarkingId('red')],
    extensions: {
      [LAGEBILD_EXTENSION_ID]: {
        extension_type: 'property-extension',
        alert_id: id,
        kind: 'alert',
        observed_at: '2026-03-01T08:04:59.123Z',
        severity: 'low',
        title: 'Harmless partner note',
        category: 'misc',
        tlp: 'clear',
      },
    },
  }));
  const indicator = {
    type: 'indicator',
    spec_version: '2.1',
    id: INDICATOR,
    created: '2026-03-01T08:00:00.000Z',
    modified: '2026-03-01T08:00:00.000Z',
    pattern: "[ipv4-addr:value = '203.0.113.7']",
    pattern_type: 'stix',
    valid_from: '2026-03-01T08:00:00.000Z',
    extensions: {
      [LAGEBILD_EXTENSION_ID]: { extension_type: 'property-extension', incident_id: 'inc-x' },
    },
  };
  const path = join(mkdtempSync(join(tmpdir(), 'lagebild-claim-')), 'partner.json');
  const objects = [indicator, ...sightings];
  writeFileSync(
    path,
    JSON.stringify({ type: 'bundle', id: `bundle--${INDICATOR.slice(11)}`, objects }),
  );
  return path;
}

/** The ids the EVE sample's alerts get, read from a scratch cache. */
async function eveAlertIds(): Promise<string[]> {
  const scratch = open();
  await importInto(scratch, [samplePath('suricata-eve')], 'eve');
  return allAlerts(scratch).map((alert) => alert.id);
}

describe('alert ids claimed by a STIX bundle', () => {
  it('leaves an already known EVE alert alone when an untrusted bundle claims its id', async () => {
    const cache = open();
    await importInto(cache, [samplePath('suricata-eve')], 'eve');
    const eve = allAlerts(cache);
    const claimed = eve.map((alert) => alert.id);

    const summary = await importInto(cache, [claimingBundle(claimed)], 'partner', 'amber');

    expect(summary.inserted).toBe(claimed.length);
    const after = allAlerts(cache);
    expect(after.filter((alert) => alert.feed === 'eve')).toEqual(eve);
    const partner = after.filter((alert) => alert.feed === 'partner');
    expect(partner.map((alert) => alert.id).sort()).toEqual(
      claimed.map((_, index) => alertId('stix', sightingId(index))).sort(),
    );
  });

  it('does not suppress a future EVE alert whose id an untrusted bundle claimed first', async () => {
    const claimed = await eveAlertIds();
    const cache = open();
    await importInto(cache, [claimingBundle(claimed)], 'partner', 'amber');

    const summary = await importInto(cache, [samplePath('suricata-eve')], 'eve');

    expect(summary.inserted).toBe(claimed.length);
    const eve = allAlerts(cache).filter((alert) => alert.feed === 'eve');
    expect(eve.map((alert) => alert.id).sort()).toEqual([...claimed].sort());
    expect(eve.every((alert) => alert.title !== 'Harmless partner note')).toBe(true);
  });

  it('keeps the ids a trusted bundle names, under its own marking in either mode', async () => {
    const claimed = await eveAlertIds();
    for (const trusted of [true, false]) {
      const cache = open();
      await importInto(cache, [claimingBundle(claimed)], 'partner', 'clear', trusted);
      const alerts = allAlerts(cache);
      expect(alerts).toHaveLength(claimed.length);
      const restored = alerts.filter((alert) => claimed.includes(alert.id));
      expect(restored).toHaveLength(trusted ? claimed.length : 0);
      // The extension says CLEAR, the sighting is marked RED: RED it stays.
      expect(alerts.every((alert) => alert.tlp === 'red')).toBe(true);
    }
  });
});
