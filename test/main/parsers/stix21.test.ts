import { describe, expect, it } from 'vitest';
import { alertId } from '../../../main/parsers/alert-id';
import { parseStixDocument, stix21Parser } from '../../../main/parsers/stix21';
import { alertsOf, readSample } from './samples';
import { bundle, indicator, relationship } from './stix/fixtures';

const DOCS = 'stix21/cti-documentation';
const parseSample = (path: string) => parseStixDocument(readSample(path));

describe('STIX samples', () => {
  it('is the parser of format stix21, framed as whole documents', () => {
    expect(stix21Parser).toMatchObject({ format: 'stix21', framing: 'document' });
  });

  it('apt1.json: 12 indicators, the rest counted by type', () => {
    const result = parseSample(`${DOCS}/apt1.json`);
    expect(alertsOf(result)).toHaveLength(12);
    expect(result.ok && result.ignored).toEqual({
      'intrusion-set': 1,
      'threat-actor': 5,
      identity: 4,
      malware: 6,
      tool: 10,
      'attack-pattern': 7,
      report: 1,
      relationship: 30,
    });
    expect(result.ok && result.rejected).toBeUndefined();
  });

  it('apt1.json: a CIDR indicator is placed on its network address and kept whole as a tag', () => {
    const alerts = alertsOf(parseSample(`${DOCS}/apt1.json`));
    const htran = alerts.find(
      (alert) => alert.signature === 'indicator--031778a4-057f-48e6-9db9-c8d72b81ccd5',
    );
    expect(htran).toMatchObject({
      kind: 'indicator',
      title: 'HTRAN Hop Point Accessor',
      category: 'malicious-activity',
      severity: 'medium',
      source: { ip: '223.166.0.0' },
      observedAt: Date.parse('2015-05-15T09:12:16.432Z'),
    });
    expect(htran?.tags).toContain('ipv4-addr:223.166.0.0/15');
  });

  it('poisonivy.json: 25 indicators tagged with what they indicate', () => {
    const alerts = alertsOf(parseSample(`${DOCS}/poisonivy.json`));
    expect(alerts).toHaveLength(25);
    const dynssl = alerts.find((alert) => alert.title === 'www.webserver.dynssl.com');
    expect(dynssl?.source).toEqual({ ip: '113.10.246.30', hostname: 'www.webserver.dynssl.com' });
    expect(dynssl?.tags).toEqual(
      expect.arrayContaining(['campaign:admin@338', 'ipv4-addr:219.90.112.203']),
    );
  });

  it('using-marking-definitions.json: TLP amber, sector defense from the identity', () => {
    const text = readSample(`${DOCS}/using-marking-definitions.json`);
    const [alert] = alertsOf(parseStixDocument(text));
    expect(alert).toMatchObject({ tlp: 'amber', source: { ip: '10.0.0.0' }, sectors: [] });
    // The creator reported it; it becomes a victim only when the indicator targets it.
    expect(alert?.tags).toContain('reporter-sector:defense');
    const document = JSON.parse(text) as { objects: unknown[] };
    const targeted = JSON.stringify({
      ...document,
      objects: [
        ...document.objects,
        relationship(
          'targets',
          'indicator--33fe3b22-0201-47cf-85d0-97c02164528d',
          'identity--611d9d41-dba5-4e13-9b29-e22488058ffc',
        ),
      ],
    });
    expect(alertsOf(parseStixDocument(targeted))[0]).toMatchObject({
      tlp: 'amber',
      sectors: ['defense'],
    });
  });

  it('using-granular-markings.json: the most restrictive granular marking, red', () => {
    const [alert] = alertsOf(parseSample(`${DOCS}/using-granular-markings.json`));
    expect(alert?.tlp).toBe('red');
    expect(alert?.tags).toEqual([
      'malicious-activity',
      'attribution',
      'threat-actor:The Joker',
      'reporter-sector:financial-services',
    ]);
  });

  it('sighting-of-an-indicator.json: a sighting in the technology sector', () => {
    const alerts = alertsOf(parseSample(`${DOCS}/sighting-of-an-indicator.json`));
    const sighting = alerts.find((alert) => alert.kind === 'sighting');
    expect(sighting).toMatchObject({
      id: alertId('stix', 'sighting--8356e820-8080-4692-aa91-ecbe94006833'),
      title: 'Sighting of Malicious URL',
      category: 'malicious-activity',
      signature: 'indicator--9299f726-ce06-492e-8472-2b52ccb53191',
      sectors: ['technology'],
      source: { hostname: 'paypa1.banking.com' },
      observedAt: Date.parse('2017-02-27T21:37:11.213Z'),
    });
    expect(sighting?.tags).toContain('count:1');
  });

  it('sighting-of-observed-data.json: the sighting stands for its observed data', () => {
    const result = parseSample(`${DOCS}/sighting-of-observed-data.json`);
    const [sighting] = alertsOf(result);
    expect(alertsOf(result)).toHaveLength(1);
    expect(sighting).toMatchObject({
      kind: 'sighting',
      title: 'Sighting of Online Job Site Trojan',
      category: 'malware',
      sectors: ['technology'],
    });
    expect(sighting?.tags).toContain('observed:file resume.pdf');
    expect(result.ok && result.ignored?.['observed-data']).toBe(2);
  });

  it('OpenCTI stream array: a sighting in FR, from the OpenCTI extension', () => {
    const [sighting] = alertsOf(parseSample('stix21/opencti/stream-event-stix2-sightings.json'));
    expect(sighting).toMatchObject({
      kind: 'sighting',
      severity: 'low',
      category: 'indicator',
      destination: { country: 'FR' },
      observedAt: Date.parse('2016-08-06T20:08:31.000Z'),
    });
    expect(sighting?.tags).toContain('count:8');
  });

  it('a TLP 2.0 marking from a sample marks an indicator that refers to it', () => {
    const text = readSample(
      'stix21/tlp2-markings/marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003.json',
    );
    const marking = (JSON.parse(text) as { objects: unknown[] }).objects[0];
    const marked = indicator({
      object_marking_refs: ['marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003'],
    });
    expect(alertsOf(parseStixDocument(bundle(marking, marked)))[0]?.tlp).toBe('amber+strict');
  });

  it('keeps the whole object, custom properties included, as raw', () => {
    const [sighting] = alertsOf(parseSample('stix21/opencti/stream-event-stix2-sightings.json'));
    expect(JSON.parse(sighting?.raw ?? '{}')).toHaveProperty('extensions');
  });

  it('gives the same ids on every import', () => {
    const first = alertsOf(parseSample(`${DOCS}/poisonivy.json`)).map((alert) => alert.id);
    const second = alertsOf(parseSample(`${DOCS}/poisonivy.json`)).map((alert) => alert.id);
    expect(second).toEqual(first);
    expect(first[0]).toBe(alertId('stix', 'indicator--e8094b09-7df4-4b13-b207-1e27af3c4bde'));
  });

  it('refuses what is not a STIX document', () => {
    const cases: [string, RegExp][] = [
      ['not json', /^invalid JSON/],
      ['42', /not an object or array/],
      ['[]', /empty/],
      ['{"type":"bundle","objects":[]}', /no objects/],
      ['{"type":"bundle"}', /no objects/],
      [readSample('taxii21/medallion_default_data.json'), /no type/],
    ];
    for (const [text, reason] of cases) {
      const result = parseStixDocument(text);
      expect(result.ok, text.slice(0, 40)).toBe(false);
      if (!result.ok) expect(result.reason).toMatch(reason);
    }
  });
});
