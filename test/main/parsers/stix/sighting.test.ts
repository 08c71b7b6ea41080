import { describe, expect, it } from 'vitest';
import { parseStixDocument } from '../../../../main/parsers/stix21';
import { alertsOf } from '../samples';
import { bundle, indicator } from './fixtures';

const sighting = (properties: Record<string, unknown> = {}) => ({
  type: 'sighting',
  spec_version: '2.1',
  id: 'sighting--44444444-4444-4444-8444-444444444444',
  created: '2024-03-01T00:00:00Z',
  modified: '2024-03-01T00:00:00Z',
  sighting_of_ref: 'indicator--11111111-1111-4111-8111-111111111111',
  ...properties,
});

const traffic = [
  { type: 'ipv4-addr', id: 'ipv4-addr--1', value: '198.51.100.7' },
  { type: 'ipv6-addr', id: 'ipv6-addr--2', value: '2001:DB8:0:0:0:0:0:9' },
  {
    type: 'network-traffic',
    id: 'network-traffic--3',
    src_ref: 'ipv4-addr--1',
    dst_ref: 'ipv6-addr--2',
    src_port: 4444,
    dst_port: 443,
    protocols: ['tcp'],
  },
  {
    type: 'observed-data',
    id: 'observed-data--5',
    first_observed: '2024-02-01T00:00:00Z',
    last_observed: '2024-02-01T00:00:00Z',
    number_observed: 3,
    object_refs: ['ipv4-addr--1', 'ipv6-addr--2', 'network-traffic--3'],
  },
];

const sightingAlert = (...objects: unknown[]) =>
  alertsOf(parseStixDocument(bundle(...objects))).find((alert) => alert.kind === 'sighting');

describe('sighting alerts', () => {
  it('takes both sides from the traffic it observed and the place where it was seen', () => {
    const paris = {
      type: 'location',
      id: 'location--6',
      country: 'fr',
      latitude: 48.85,
      longitude: 2.35,
    };
    const alert = sightingAlert(
      indicator(),
      ...traffic,
      paris,
      sighting({
        observed_data_refs: ['observed-data--5'],
        where_sighted_refs: ['location--6'],
        count: 2,
      }),
    );
    expect(alert).toMatchObject({
      title: 'Sighting of Bad address',
      source: { ip: '198.51.100.7', port: 4444 },
      destination: {
        ip: '2001:db8::9',
        port: 443,
        country: 'FR',
        lat: 48.85,
        lon: 2.35,
        geoSource: 'feed',
      },
      observedAt: Date.parse('2024-03-01T00:00:00Z'),
    });
    expect(alert?.tags).toContain('count:2');
  });

  it("falls back to the sighted indicator's observable and severity", () => {
    const alert = sightingAlert(
      indicator({ confidence: 90 }),
      sighting({ first_seen: '2024-02-02T00:00:00Z' }),
    );
    expect(alert).toMatchObject({
      source: { ip: '198.51.100.7' },
      severity: 'high',
      observedAt: Date.parse('2024-02-02T00:00:00Z'),
    });
  });

  it('names what it saw when the sighted object is not in the document', () => {
    const alert = sightingAlert(sighting({ confidence: 10 }));
    expect(alert).toMatchObject({
      title: 'Sighting of indicator--11111111-1111-4111-8111-111111111111',
      category: 'sighting',
      severity: 'low',
    });
  });

  it('carries the strictest marking of the objects it copies from', () => {
    const red = 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed';
    const green = 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da';
    const alert = sightingAlert(
      indicator({ object_marking_refs: [red] }),
      sighting({ object_marking_refs: [green] }),
    );
    expect(alert?.tlp).toBe('red');
    expect(sightingAlert(indicator(), sighting({ object_marking_refs: [green] }))?.tlp).toBe(
      'green',
    );
    expect(sightingAlert(indicator(), sighting())?.tlp).toBeUndefined();
  });
});
