import { describe, expect, it } from 'vitest';
import { parseStixDocument } from '../../../../main/parsers/stix21';
import { alertsOf } from '../samples';
import { bundle } from './fixtures';

describe('observed data without a sighting', () => {
  it('becomes a sighting of its own with its addresses as the source', () => {
    const result = parseStixDocument(
      bundle(
        { type: 'domain-name', id: 'domain-name--1', value: 'evil.example' },
        { type: 'ipv4-addr', id: 'ipv4-addr--2', value: '203.0.113.5' },
        {
          type: 'observed-data',
          id: 'observed-data--3',
          first_observed: '2024-02-01T00:00:00Z',
          last_observed: '2024-02-01T01:00:00Z',
          number_observed: 7,
          object_refs: ['domain-name--1', 'ipv4-addr--2'],
        },
      ),
    );
    const [alert] = alertsOf(result);
    expect(alert).toMatchObject({
      kind: 'sighting',
      category: 'observed-data',
      severity: 'low',
      title: 'Observed data: domain-name evil.example, ipv4-addr 203.0.113.5',
      source: { hostname: 'evil.example', ip: '203.0.113.5' },
      observedAt: Date.parse('2024-02-01T00:00:00Z'),
      tags: ['count:7'],
    });
    expect(result.ok && result.ignored).toEqual({ 'domain-name': 1, 'ipv4-addr': 1 });
  });

  it('reads STIX 2.0 embedded objects and their local refs', () => {
    const observed = {
      type: 'observed-data',
      id: 'observed-data--4',
      created: '2017-01-01T00:00:00Z',
      first_observed: '2017-01-01T00:00:00Z',
      objects: {
        '0': { type: 'ipv4-addr', value: '198.51.100.1' },
        '1': { type: 'ipv4-addr', value: '192.0.2.2' },
        '2': { type: 'network-traffic', src_ref: '0', dst_ref: '1', dst_port: 22 },
      },
    };
    const [alert] = alertsOf(parseStixDocument(bundle(observed)));
    expect(alert).toMatchObject({
      source: { ip: '198.51.100.1' },
      destination: { ip: '192.0.2.2', port: 22 },
    });
  });
});
