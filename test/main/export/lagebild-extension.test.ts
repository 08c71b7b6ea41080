/**
 * The STIX importer's side of Lagebild's extension: a sighting carrying it
 * is restored as the alert it names, under the sighting's own marking, with
 * the exported alert id only when the source is trusted; one whose
 * extension does not read as an alert is read like any sighting, and a
 * summarising indicator makes no alert of its own.
 */
import { describe, expect, it } from 'vitest';
import { alertId } from '../../../main/parsers/alert-id';
import { parseStixDocument } from '../../../main/parsers/stix21';
import { LAGEBILD_EXTENSION_ID } from '../../../main/parsers/stix/lagebild-extension';
import { tlpMarkingId } from '../../../main/export/stix-markings';

const INDICATOR = 'indicator--1c3e1ad4-2b7b-4c16-8f43-35f1c0f1b3a2';
const SIGHTING = 'sighting--4f0f9c4e-3a8c-4b8e-9f3a-0a3c9d5e7b11';

function bundle(extension: Record<string, unknown>) {
  return JSON.stringify({
    type: 'bundle',
    id: 'bundle--5d0f9c4e-3a8c-4b8e-9f3a-0a3c9d5e7b11',
    objects: [
      {
        type: 'indicator',
        spec_version: '2.1',
        id: INDICATOR,
        created: '2026-03-01T08:00:00.000Z',
        modified: '2026-03-01T08:00:00.000Z',
        name: 'RED indicator name',
        pattern: "[ipv4-addr:value = '203.0.113.7']",
        pattern_type: 'stix',
        valid_from: '2026-03-01T08:00:00.000Z',
        object_marking_refs: [tlpMarkingId('red')],
        extensions: {
          [LAGEBILD_EXTENSION_ID]: { extension_type: 'property-extension', incident_id: 'inc-x' },
        },
      },
      {
        type: 'sighting',
        spec_version: '2.1',
        id: SIGHTING,
        created: '2026-03-01T08:05:00.000Z',
        modified: '2026-03-01T08:05:00.000Z',
        first_seen: '2026-03-01T08:05:00.000Z',
        sighting_of_ref: INDICATOR,
        object_marking_refs: [tlpMarkingId('green')],
        extensions: { [LAGEBILD_EXTENSION_ID]: extension },
      },
    ],
  });
}

const ALERT = {
  extension_type: 'property-extension',
  alert_id: 'c2VlbiBvbmNlIGJlZm9yZQ',
  kind: 'alert',
  observed_at: '2026-03-01T08:04:59.123Z',
  severity: 'high',
  title: 'ET SCAN Nmap',
  category: 'attempted-recon',
  signature: 'ET SCAN Nmap',
  source: { ip: '203.0.113.7', port: 40001 },
  destination: { ip: '198.51.100.20', port: 22, country: 'DE' },
};

const TRUSTED = { trustLagebildIds: true };

function alertsOf(text: string, options = {}) {
  const result = parseStixDocument(text, undefined, options);
  if (!result.ok) throw new Error(result.reason);
  return result.alerts;
}

describe("Lagebild's STIX extension on import", () => {
  it("restores the alert a trusted sighting carries, under the sighting's own marking", () => {
    const result = parseStixDocument(bundle(ALERT), undefined, TRUSTED);
    if (!result.ok) throw new Error(result.reason);
    expect(result.alerts).toHaveLength(1);
    expect(result.alerts[0]).toMatchObject({
      id: ALERT.alert_id,
      kind: 'alert',
      observedAt: Date.parse(ALERT.observed_at),
      severity: 'high',
      title: 'ET SCAN Nmap',
      source: ALERT.source,
      destination: ALERT.destination,
      sectors: [],
      tags: [],
      tlp: 'green',
    });
    expect(result.ignored).toEqual({ indicator: 1 });
  });

  it("restores all but the id from an untrusted sighting, which keeps the sighting's own id", () => {
    const [alert] = alertsOf(bundle(ALERT));
    expect(alert).toMatchObject({
      id: alertId('stix', SIGHTING),
      kind: 'alert',
      title: 'ET SCAN Nmap',
      category: 'attempted-recon',
      signature: 'ET SCAN Nmap',
      source: ALERT.source,
      destination: ALERT.destination,
      tlp: 'green',
    });
  });

  it('never takes a TLP from the extension, trusted or not', () => {
    const hostile = { ...ALERT, tlp: 'clear', tags: ['tlp:clear'] };
    for (const options of [{}, TRUSTED]) {
      const [alert] = alertsOf(bundle(hostile), options);
      expect(alert?.tlp).toBe('green');
    }
  });

  it('reads a sighting whose extension is not an alert like any other sighting', () => {
    const [alert] = alertsOf(bundle({ ...ALERT, severity: 'apocalyptic' }), TRUSTED);
    expect(alert?.id).not.toBe(ALERT.alert_id);
    expect(alert?.title).toBe('Sighting of RED indicator name');
    // Read from the RED indicator, so it is RED too.
    expect(alert?.tlp).toBe('red');
  });
});
