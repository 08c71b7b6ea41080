/**
 * An alert carries the marking of every object it copies from, however it
 * reaches that object (security test F1 of /tmp/tlp-attack, objects 4, 5,
 * 7 and 8 of its bundle, written out here).
 */
import { describe, expect, it } from 'vitest';
import { parseStixDocument } from '../../../../main/parsers/stix21';
import { alertsOf } from '../samples';
import { bundle, indicator, relationship } from './fixtures';

// TLP 2.0 well-known ids, and a TLP 1.0 definition of RED carried in the bundle.
const RED = 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1';
const CLEAR = 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487';
const TLP1_RED = 'marking-definition--11111111-2222-4333-8444-555555555555';
const tlp1Red = {
  type: 'marking-definition',
  spec_version: '2.1',
  id: TLP1_RED,
  created: '2024-01-01T00:00:00Z',
  definition_type: 'tlp',
  name: 'TLP:RED',
  definition: { tlp: 'red' },
};

const ID = 'indicator--11111111-1111-4111-8111-111111111111';
const at = '2024-02-01T00:00:00Z';
const alertsIn = (...objects: unknown[]) => alertsOf(parseStixDocument(bundle(...objects)));
const byKind = (kind: string, ...objects: unknown[]) =>
  alertsIn(...objects).find((alert) => alert.kind === kind);

const observedData = (id: string, refs: string[], properties: Record<string, unknown> = {}) => ({
  type: 'observed-data',
  spec_version: '2.1',
  id,
  first_observed: at,
  last_observed: at,
  number_observed: 1,
  object_refs: refs,
  ...properties,
});

describe('(a) observables that observed data and sightings point to', () => {
  const redAddress = {
    type: 'ipv4-addr',
    id: 'ipv4-addr--b0000000-0000-4000-8000-000000000004',
    value: '203.0.113.94',
    object_marking_refs: [RED],
  };

  it('marks observed data RED when an address it names is RED', () => {
    const alert = byKind(
      'sighting',
      redAddress,
      observedData('observed-data--a0000000-0000-4000-8000-000000000004', [redAddress.id]),
    );
    expect(alert).toMatchObject({ title: 'Observed data: ipv4-addr 203.0.113.94', tlp: 'red' });
  });

  it('follows network-traffic to the addresses at its ends', () => {
    const source = { ...redAddress, id: 'ipv4-addr--5', value: '203.0.113.95' };
    const traffic = {
      type: 'network-traffic',
      id: 'network-traffic--15',
      src_ref: source.id,
      src_port: 4444,
      dst_port: 80,
      protocols: ['tcp'],
    };
    // Only the traffic is named: the address is reached through its src_ref.
    const alert = byKind(
      'sighting',
      source,
      traffic,
      observedData('observed-data--5', [traffic.id]),
    );
    expect(alert).toMatchObject({ source: { ip: '203.0.113.95' }, tlp: 'red' });
  });

  it('marks a sighting RED when the observed data it stands for names a RED address', () => {
    const source = { ...redAddress, id: 'ipv4-addr--5', value: '203.0.113.95' };
    const alert = byKind(
      'sighting',
      indicator({ name: 'GREENISH-IND-SIX', pattern: "[domain-name:value = 'benign.example']" }),
      source,
      observedData('observed-data--5', [source.id]),
      {
        type: 'sighting',
        id: 'sighting--5',
        created: at,
        sighting_of_ref: ID,
        observed_data_refs: ['observed-data--5'],
      },
    );
    expect(alert).toMatchObject({ title: 'Sighting of GREENISH-IND-SIX', tlp: 'red' });
    expect(alert?.tags).toContain('observed:ipv4-addr 203.0.113.95');
  });

  it('counts a granular marking and a TLP 1.0 definition in the bundle', () => {
    const granular = {
      ...redAddress,
      object_marking_refs: undefined,
      granular_markings: [{ marking_ref: TLP1_RED, selectors: ['value'] }],
    };
    const alert = byKind(
      'sighting',
      tlp1Red,
      granular,
      observedData('observed-data--4', [granular.id], { object_marking_refs: [CLEAR] }),
    );
    expect(alert?.tlp).toBe('red');
  });

  it('keeps the marking of observed data whose addresses are unmarked', () => {
    const plain = { ...redAddress, object_marking_refs: undefined };
    const marked = { object_marking_refs: [CLEAR] };
    expect(byKind('sighting', plain, observedData('observed-data--4', [plain.id], marked))).toEqual(
      expect.objectContaining({ tlp: 'clear', partlyUnmarked: true }),
    );
    const alert = byKind('sighting', plain, observedData('observed-data--4', [plain.id]));
    expect(alert?.tlp).toBeUndefined();
    expect(alert?.partlyUnmarked).toBeUndefined();
  });
});

describe('(b) a place found through a targeted identity', () => {
  const secretSite = {
    type: 'location',
    id: 'location--c0000000-0000-4000-8000-000000000007',
    name: 'REDLOC-SECRETSITE',
    country: 'LI',
    latitude: 47.1234,
    longitude: 9.5432,
    object_marking_refs: [RED],
  };
  const victimCorp = {
    type: 'identity',
    id: 'identity--c0000000-0000-4000-8000-000000000017',
    name: 'VictimCorp',
    identity_class: 'organization',
    sectors: ['energy'],
  };
  const locatedAt = relationship('located-at', victimCorp.id, secretSite.id, 1);

  it("passes the location's marking on to an indicator that targets the identity", () => {
    const alert = byKind(
      'indicator',
      indicator({ name: 'CLEARISH-IND-SEVEN' }),
      secretSite,
      victimCorp,
      locatedAt,
      relationship('targets', ID, victimCorp.id, 2),
    );
    expect(alert).toMatchObject({
      destination: { country: 'LI', lat: 47.1234, lon: 9.5432 },
      sectors: ['energy'],
      tlp: 'red',
    });
  });

  it('passes it on through what the indicator indicates', () => {
    const malware = { type: 'malware', id: 'malware--1', name: 'Fan', is_family: true };
    const alert = byKind(
      'indicator',
      indicator(),
      malware,
      secretSite,
      victimCorp,
      locatedAt,
      relationship('indicates', ID, malware.id, 2),
      relationship('targets', malware.id, victimCorp.id, 3),
    );
    expect(alert).toMatchObject({ destination: { country: 'LI' }, tlp: 'red' });
  });

  it('passes it on to a sighting where the identity sighted it', () => {
    const alert = byKind('sighting', secretSite, victimCorp, locatedAt, {
      type: 'sighting',
      id: 'sighting--7',
      created: at,
      sighting_of_ref: ID,
      where_sighted_refs: [victimCorp.id],
    });
    expect(alert).toMatchObject({ destination: { country: 'LI' }, tlp: 'red' });
  });

  it('passes on the marking of a RED located-at relationship', () => {
    const unmarkedSite = { ...secretSite, object_marking_refs: undefined };
    const alert = byKind(
      'indicator',
      indicator(),
      unmarkedSite,
      victimCorp,
      { ...locatedAt, object_marking_refs: [RED] },
      relationship('targets', ID, victimCorp.id, 2),
    );
    expect(alert?.tlp).toBe('red');
  });
});

describe('(c) the reporter in created_by_ref', () => {
  const reporter = {
    type: 'identity',
    id: 'identity--c0000000-0000-4000-8000-000000000008',
    name: 'RedReporter',
    identity_class: 'organization',
    sectors: ['defense'],
    object_marking_refs: [RED],
  };

  it.each([
    ['an indicator', 'indicator', indicator({ created_by_ref: reporter.id })],
    [
      'a sighting',
      'sighting',
      { type: 'sighting', id: 'sighting--8', created: at, created_by_ref: reporter.id },
    ],
    [
      'observed data',
      'sighting',
      observedData('observed-data--8', [], { created_by_ref: reporter.id }),
    ],
  ])('marks %s RED when its reporter is', (_, kind, object) => {
    const alert = byKind(kind, reporter, object);
    expect(alert?.tags).toContain('reporter-sector:defense');
    expect(alert?.tlp).toBe('red');
  });
});

describe('other objects an alert follows', () => {
  it('carries the marking of a RED relationship that names the threat', () => {
    const malware = { type: 'malware', id: 'malware--1', name: 'Fan', is_family: true };
    const indicates = { ...relationship('indicates', ID, malware.id), object_marking_refs: [RED] };
    const alert = byKind('indicator', indicator(), malware, indicates);
    expect(alert).toMatchObject({ tags: ['malware:Fan'], tlp: 'red' });
  });

  it('says when part of what it copied was unmarked, so the feed default counts too', () => {
    const reporter = { type: 'identity', id: 'identity--9', object_marking_refs: [CLEAR] };
    const alert = byKind('indicator', indicator({ created_by_ref: reporter.id }), reporter);
    expect(alert).toMatchObject({ tlp: 'clear', partlyUnmarked: true });
    const marked = indicator({ created_by_ref: reporter.id, object_marking_refs: [CLEAR] });
    expect(byKind('indicator', marked, reporter)?.partlyUnmarked).toBeUndefined();
  });
});
