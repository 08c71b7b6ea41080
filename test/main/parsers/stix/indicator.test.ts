import { describe, expect, it } from 'vitest';
import { parseStixDocument } from '../../../../main/parsers/stix21';
import { alertsOf, readSample } from '../samples';
import { bundle, indicator, relationship } from './fixtures';

const ID = 'indicator--11111111-1111-4111-8111-111111111111';
const only = (...objects: unknown[]) => alertsOf(parseStixDocument(bundle(...objects)))[0];

describe('indicator alerts', () => {
  it('maps confidence to severity', () => {
    const severity = (confidence?: number) => only(indicator({ confidence }))?.severity;
    expect([100, 85, 84, 50, 49, 0, undefined].map(severity)).toEqual([
      'high',
      'high',
      'medium',
      'medium',
      'low',
      'low',
      'medium',
    ]);
  });

  it('falls back from valid_from to created to modified', () => {
    const undated = indicator({ valid_from: undefined });
    expect(only(undated)?.observedAt).toBe(Date.parse('2024-01-02T03:04:05.000Z'));
  });

  it('titles by name, else by pattern, cut to 500 chars', () => {
    expect(only(indicator({ name: undefined }))?.title).toBe("[ipv4-addr:value = '198.51.100.7']");
    const long = `[domain-name:value = '${'a'.repeat(600)}.example']`;
    expect(only(indicator({ name: '  ', pattern: long }))?.title).toHaveLength(500);
  });

  it('reads only STIX patterns', () => {
    expect(
      only(indicator({ pattern_type: 'snort', pattern: "alert ip any any -> '1.2.3.4'" }))?.source,
    ).toBeUndefined();
  });

  it('takes sectors and places from what it, or what it indicates, targets', () => {
    const actor = { type: 'threat-actor', id: 'threat-actor--1', name: 'Bear' };
    const bank = {
      type: 'identity',
      id: 'identity--1',
      name: 'Bank',
      sectors: ['financial-services', 'Banking'],
    };
    const geography = JSON.parse(readSample('stix21/locations/opencti_geography_slice.json')) as {
      objects: unknown[];
    };
    const algeria = 'location--5bed1f53-93bc-4331-a049-17e31db03753';
    const alert = only(
      indicator({ indicator_types: ['attribution'], labels: ['apt'] }),
      actor,
      bank,
      ...geography.objects,
      relationship('indicates', ID, 'threat-actor--1', 1),
      relationship('targets', 'threat-actor--1', 'identity--1', 2),
      relationship('targets', ID, algeria, 3),
    );
    expect(alert).toMatchObject({
      category: 'attribution',
      sectors: ['financial-services'],
      destination: { country: 'DZ', lat: 28.033886, lon: 1.659626, geoSource: 'feed' },
    });
    expect(alert?.tags).toEqual(['attribution', 'apt', 'threat-actor:Bear', 'sector:Banking']);
  });

  it('finds the place of a targeted identity through located-at', () => {
    const office = { type: 'identity', id: 'identity--2', name: 'Office', sectors: ['government'] };
    const turkey = JSON.parse(
      readSample('stix21/locations/location--276a554f-ccdf-4a68-86dd-fb76b947df83.json'),
    ) as {
      objects: unknown[];
    };
    const alert = only(
      indicator(),
      office,
      ...turkey.objects,
      relationship('targets', ID, 'identity--2', 1),
      relationship(
        'located-at',
        'identity--2',
        'location--276a554f-ccdf-4a68-86dd-fb76b947df83',
        2,
      ),
    );
    expect(alert).toMatchObject({ sectors: ['government'], destination: { country: 'TR' } });
    expect(alert?.destination?.geoSource).toBeUndefined();
  });

  it('bounds its tags', () => {
    const many = Array.from({ length: 200 }, (_, i) => `label-${i}`);
    expect(only(indicator({ labels: many }))?.tags).toHaveLength(50);
  });

  it('carries the marking of a threat whose name it copies', () => {
    const actor = {
      type: 'threat-actor',
      id: 'threat-actor--1',
      name: 'Secret',
      object_marking_refs: ['marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1'],
    };
    const alert = only(indicator(), actor, relationship('indicates', ID, 'threat-actor--1'));
    expect(alert).toMatchObject({ tlp: 'red', tags: ['threat-actor:Secret'] });
  });
});
