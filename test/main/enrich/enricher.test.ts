import { describe, expect, it, vi } from 'vitest';
import type { ParsedAlert } from '../../../main/parsers/types';
import { createEnricher } from '../../../main/enrich/enricher';
import { PackagedGeoIp, type GeoLookup } from '../../../main/enrich/geoip';
import { Inventory } from '../../../main/enrich/inventory';
import './helpers';

const inventory = new Inventory(
  {
    sites: [
      {
        cidr: '10.16.0.0/16',
        site: 'Berlin HQ',
        lat: 52.52,
        lon: 13.4,
        sector: 'financial-services',
      },
      {
        cidr: '10.16.1.0/24',
        site: 'Berlin trading',
        organisation: 'ACME Bank',
        sector: 'financial-services',
      },
      { cidr: '10.20.0.0/16', site: 'Hamburg clinic', lat: 53.55, lon: 9.99, sector: 'healthcare' },
    ],
  },
  'inventory.json',
);
const centroids = new Map<string, [number, number]>([
  ['FR', [2.4, 46.6]],
  ['US', [-98.6, 39.8]],
  ['DE', [10.4, 51.1]],
]);
const geo = new PackagedGeoIp();

function alert(
  source: ParsedAlert['source'],
  destination?: ParsedAlert['destination'],
): ParsedAlert {
  return {
    id: 'eve:enrich-0001',
    kind: 'alert',
    observedAt: 0,
    severity: 'high',
    title: 'GPL ATTACK_RESPONSE id check returned root',
    category: 'potentially bad traffic',
    sectors: [],
    tags: [],
    raw: '{}',
    source,
    destination,
  };
}

describe('createEnricher', () => {
  const enrich = createEnricher({ inventory, geo, centroids });

  it('places a public source by GeoIP country and a private target by inventory', () => {
    const result = enrich(
      alert({ ip: '82.165.177.154', port: 80 }, { ip: '10.20.3.4', port: 54186 }),
    );
    expect(result.source).toEqual({
      ip: '82.165.177.154',
      port: 80,
      addressClass: 'public',
      country: 'FR',
      asn: 8560,
      asOrg: 'IONOS SE',
      lon: 2.4,
      lat: 46.6,
      geoSource: 'country',
    });
    expect(result.destination).toEqual({
      ip: '10.20.3.4',
      port: 54186,
      addressClass: 'private',
      site: 'Hamburg clinic',
      lat: 53.55,
      lon: 9.99,
      geoSource: 'inventory',
    });
    expect(result.sectors).toEqual(['healthcare']);
  });

  it('takes the longest inventory prefix and adds its sector once', () => {
    const input = {
      ...alert({ ip: '10.16.1.11' }, { ip: '10.16.9.1' }),
      sectors: ['government' as const],
    };
    const result = enrich(input);
    // The /24 has no coordinates, so the endpoint gets its names but no position.
    expect(result.source).toEqual({
      ip: '10.16.1.11',
      addressClass: 'private',
      site: 'Berlin trading',
      organisation: 'ACME Bank',
    });
    expect(result.destination).toMatchObject({ site: 'Berlin HQ', geoSource: 'inventory' });
    expect(result.sectors).toEqual(['government', 'financial-services']);
    expect(input.source).toEqual({ ip: '10.16.1.11' });
  });

  it('keeps what the feed said and fills in the rest', () => {
    const result = enrich(alert({ ip: '8.8.8.8', country: 'DE', lat: 50, lon: 8 }));
    expect(result.source).toEqual({
      ip: '8.8.8.8',
      addressClass: 'public',
      country: 'DE',
      asn: 15169,
      asOrg: 'Google LLC',
      lat: 50,
      lon: 8,
      geoSource: 'feed',
    });
    const byCountry = enrich(alert({ ip: '8.8.8.8' }));
    expect(byCountry.source).toMatchObject({ country: 'US', asn: 15169, geoSource: 'country' });
    expect(byCountry.source).toMatchObject({ lon: -98.6, lat: 39.8 });
  });

  it('classifies non-public addresses and never geolocates them', () => {
    const spy: GeoLookup = { lookup: vi.fn((ip: string) => geo.lookup(ip)) };
    const classify = createEnricher({ geo: spy, centroids });
    const expected = {
      '10.16.1.11': 'private',
      '127.0.0.1': 'loopback',
      'fe80::1': 'link-local',
      '224.0.0.1': 'multicast',
      '192.0.2.7': 'documentation',
      '2001:db8::1': 'documentation',
    };
    for (const [ip, addressClass] of Object.entries(expected)) {
      expect(classify(alert({ ip }, { ip })).source, ip).toEqual({ ip, addressClass });
    }
    expect(spy.lookup).not.toHaveBeenCalled();
  });

  it('leaves endpoints without a usable address as they are', () => {
    const result = createEnricher()(alert({ hostname: 'mail.example.org' }, { ip: 'bogus' }));
    expect(result.source).toEqual({ hostname: 'mail.example.org' });
    expect(result.destination).toEqual({ ip: 'bogus' });
    expect(createEnricher()(alert(undefined)).source).toBeUndefined();
  });
});
