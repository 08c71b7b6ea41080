/**
 * The MISP parser on the real sample events: counts and key fields as the
 * files themselves say them, TLP and sector tags, sightings, geolocation,
 * and malformed parts rejected with a reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../main/parsers/detect';
import { parseMispDocument } from '../../../main/parsers/misp';
import { tlpOfTag } from '../../../main/parsers/misp/tlp-tags';
import type { ParseResult } from '../../../main/parsers/types';
import { samplePath } from '../../support/samples';

const sampleText = (name: string) => readFileSync(samplePath('misp', 'events', name), 'utf8');
const sampleJson = (name: string) => JSON.parse(sampleText(name)) as Record<string, unknown>;

function parsed(text: string): Extract<ParseResult, { ok: true }> {
  const result = parseMispDocument(text, 'test');
  if (!result.ok) throw new Error(result.reason);
  return result;
}

/** A small event in MISP's feed format, changed by `edit`. */
function event(edit: (event: Record<string, unknown>) => void = () => {}): string {
  const body: Record<string, unknown> = {
    uuid: '0b9e3f0c-3a65-4d4e-9d8f-6a1c2b3d4e5f',
    info: 'Phishing wave',
    timestamp: '1700000000',
    threat_level_id: '1',
    Tag: [{ name: 'tlp:amber' }, { name: 'misp-galaxy:sector="Finance"' }],
    Attribute: [
      {
        uuid: '1c2d3e4f-0000-4000-8000-000000000001',
        type: 'ip-dst|port',
        value: '203.0.113.9|8443',
        category: 'Network activity',
        timestamp: '1700000100',
      },
    ],
  };
  edit(body);
  return JSON.stringify({ Event: body });
}

describe('MISP events', () => {
  it('makes one indicator per network attribute of the Emotet event, and one per ip-port object', () => {
    const result = parsed(sampleText('osint_emotet_to_delete3.json'));
    const sample = sampleJson('osint_emotet_to_delete3.json').Event as {
      Attribute: { type: string; value: string }[];
      Object: { name: string }[];
    };
    const ipDst = sample.Attribute.filter((a) => a.type === 'ip-dst');
    expect(result.alerts).toHaveLength(ipDst.length + sample.Object.length);
    expect(result.alerts.every((alert) => alert.kind === 'indicator')).toBe(true);
    expect(result.alerts.map((alert) => alert.source?.ip)).toEqual(
      expect.arrayContaining(ipDst.map((a) => a.value)),
    );
    const withPort = result.alerts.filter((alert) => alert.source?.port !== undefined);
    expect(withPort).toHaveLength(sample.Object.length);
    expect(result.ignored).toMatchObject({ 'attribute md5': 5, 'attribute link': 6 });
    expect(new Set(result.alerts.map((alert) => alert.tlp))).toEqual(new Set(['clear']));
    expect(new Set(result.alerts.map((alert) => alert.signature))).toEqual(
      new Set(['misp-event--5a0ac036-6fbc-4855-83af-422b950d210f']),
    );
    expect(result.alerts[0]?.tags).toEqual(
      expect.arrayContaining(['tool:Emotet', 'banker:Qakbot']),
    );
  });

  it('reads domain-ip objects of the Sednit event as host and address together', () => {
    const result = parsed(sampleText('existing_event_sednit.json'));
    const both = result.alerts.filter((alert) => alert.source?.hostname && alert.source.ip);
    expect(both).toHaveLength(12);
    expect(result.alerts).toHaveLength(7 + 12);
    expect(result.ignored).toMatchObject({ 'object file': 37 });
  });

  it('makes sightings of type 0 and counts false positives and expirations', () => {
    const result = parsed(sampleText('sighting_1.json'));
    const sightings = result.alerts.filter((alert) => alert.kind === 'sighting');
    expect(result.alerts.filter((alert) => alert.kind === 'indicator')).toHaveLength(5);
    expect(sightings.map((alert) => alert.observedAt).sort()).toEqual([
      1551253943000, 1551253950000,
    ]);
    expect(sightings[0]?.destination).toEqual({ organisation: 'ORGNAME' });
    expect(sightings[0]?.signature).toBe(result.alerts[0]?.signature);
    expect(result.ignored).toMatchObject({
      'sighting false-positive': 3,
      'sighting expiration': 1,
    });
  });

  it('reads bare events (the REST API) and leaves unmarked ones to the feed TLP', () => {
    const result = parsed(sampleText('misp_event.json'));
    expect(result.alerts).toHaveLength(1);
    expect(result.alerts[0]).toMatchObject({
      kind: 'indicator',
      severity: 'high',
      category: 'payload delivery',
      source: { hostname: 'fake.website.com' },
      observedAt: 1465681304000,
    });
    expect(result.alerts[0]?.tlp).toBeUndefined();
  });

  it('makes no alert of an event without network attributes', () => {
    const result = parsed(sampleText('57c4445b-c548-4654-af0b-4be3950d210f.json'));
    expect(result.alerts).toEqual([]);
    expect(result.ignored).toMatchObject({ 'attribute sha256': 1, 'attribute filename': 1 });
  });

  it('takes TLP and sectors from tags, and port from composite values', () => {
    const [alert] = parsed(event()).alerts;
    expect(alert).toMatchObject({
      tlp: 'amber',
      sectors: ['financial-services'],
      severity: 'high',
      source: { ip: '203.0.113.9', port: 8443 },
      observedAt: 1700000100000,
    });
  });

  it('keeps the stricter of the event TLP and an attribute TLP', () => {
    const text = event((body) => {
      (body.Attribute as Record<string, unknown>[])[0]!.Tag = [{ name: 'TLP:RED' }];
    });
    expect(parsed(text).alerts[0]?.tlp).toBe('red');
  });

  it('reads every TLP tag of the taxonomy, and nothing else', () => {
    expect(tlpOfTag('tlp:white')).toBe('clear');
    expect(tlpOfTag('tlp:clear')).toBe('clear');
    expect(tlpOfTag('tlp:green')).toBe('green');
    expect(tlpOfTag('TLP:AMBER')).toBe('amber');
    expect(tlpOfTag('tlp:amber+strict')).toBe('amber+strict');
    expect(tlpOfTag('tlp:red')).toBe('red');
    expect(tlpOfTag('tlp:ex:chr')).toBeUndefined();
    expect(tlpOfTag('green')).toBeUndefined();
  });

  it('places an indicator by the geolocation object it is linked to', () => {
    // A geolocation object as MISP's object template defines it, linked from an ip-port object.
    const text = event((body) => {
      body.Attribute = [];
      body.Object = [
        {
          uuid: '2c2d3e4f-0000-4000-8000-000000000002',
          name: 'ip-port',
          Attribute: [
            {
              uuid: '2c2d3e4f-0000-4000-8000-000000000003',
              type: 'ip-dst',
              object_relation: 'ip',
              value: '198.51.100.20',
            },
            {
              uuid: '2c2d3e4f-0000-4000-8000-000000000004',
              type: 'port',
              object_relation: 'dst-port',
              value: '443',
            },
          ],
          ObjectReference: [
            {
              referenced_uuid: '2c2d3e4f-0000-4000-8000-000000000005',
              relationship_type: 'located-at',
            },
          ],
        },
        {
          uuid: '2c2d3e4f-0000-4000-8000-000000000005',
          name: 'geolocation',
          Attribute: [
            {
              uuid: '2c2d3e4f-0000-4000-8000-000000000006',
              type: 'float',
              object_relation: 'latitude',
              value: '52.52',
            },
            {
              uuid: '2c2d3e4f-0000-4000-8000-000000000007',
              type: 'float',
              object_relation: 'longitude',
              value: '13.405',
            },
            {
              uuid: '2c2d3e4f-0000-4000-8000-000000000008',
              type: 'text',
              object_relation: 'country',
              value: 'Germany',
            },
          ],
        },
      ];
    });
    const result = parsed(text);
    expect(result.alerts).toHaveLength(1);
    expect(result.alerts[0]?.source).toEqual({
      ip: '198.51.100.20',
      port: 443,
      lat: 52.52,
      lon: 13.405,
      country: 'DE',
    });
  });

  it('rejects a malformed attribute or sighting with the reason, and keeps the rest', () => {
    const text = event((body) => {
      const attributes = body.Attribute as Record<string, unknown>[];
      attributes.push({ uuid: 'not-a-uuid', type: 'ip-dst', value: '198.51.100.1' });
      attributes.push({
        uuid: '1c2d3e4f-0000-4000-8000-000000000009',
        type: 'ip-dst',
        value: 'nowhere',
      });
      attributes[0]!.Sighting = [{ date_sighting: 'yesterday' }];
    });
    const result = parsed(text);
    expect(result.alerts).toHaveLength(1);
    expect(result.rejected?.map((rejected) => rejected.reason)).toEqual([
      'sighting: date_sighting: not epoch seconds',
      'MISP attribute: uuid: not a uuid',
      'MISP ip-dst attribute: no address, host name or URL in "nowhere"',
    ]);
    expect(result.rejected?.[1]?.position).toBe(
      'test (event 0b9e3f0c-3a65-4d4e-9d8f-6a1c2b3d4e5f) attribute 2',
    );
  });

  it('refuses an event without uuid or timestamp, and JSON that is no event', () => {
    const noUuid = parseMispDocument(
      event((body) => delete body.uuid),
      'x',
    );
    expect(noUuid).toEqual({
      ok: false,
      reason: 'MISP event: uuid: Invalid input: expected string, received undefined',
    });
    const badTime = parseMispDocument(
      event((body) => (body.timestamp = 'soon')),
      'x',
    );
    expect(badTime.ok).toBe(false);
    expect(parseMispDocument(sampleText('galaxy_in_event.json'), 'x').ok).toBe(false);
  });

  it('reads a restSearch answer, rejecting its malformed events one by one', () => {
    const good = JSON.parse(event()) as unknown;
    const text = JSON.stringify({ response: [good, { Event: { uuid: 'x' } }] });
    const result = parsed(text);
    expect(result.alerts).toHaveLength(1);
    expect(result.rejected?.[0]?.position).toBe('test event 2');
    expect(result.rejected?.[0]?.reason).toMatch(/^MISP event: uuid: not a uuid/);
  });

  it('is detected from the samples, and STIX is not taken for it', () => {
    for (const name of [
      'existing_event_sednit.json',
      'misp_event.json',
      'sighting_1.json',
      '57c4445b-c548-4654-af0b-4be3950d210f.json',
    ]) {
      expect(detectFormat(name, sampleText(name))).toBe('misp');
    }
    const stix = readFileSync(
      samplePath('stix21', 'cti-documentation', 'sighting-of-an-indicator.json'),
      'utf8',
    );
    expect(detectFormat('bundle.json', stix)).toBe('stix21');
  });
});
