import { describe, expect, it } from 'vitest';
import { PackagedGeoIp } from '../../../main/enrich/geoip';
import './helpers';

// One instance for the file: the packaged tables take about half a second to read.
const geo = new PackagedGeoIp();

describe('PackagedGeoIp', () => {
  it('finds what the packaged ip-location-db data says', () => {
    // The whois-based country data registers IONOS's block to FR (not DE).
    expect(geo.lookup('82.165.177.154')).toEqual({ country: 'FR', asn: 8560, asOrg: 'IONOS SE' });
    expect(geo.lookup('8.8.8.8')).toEqual({ country: 'US', asn: 15169, asOrg: 'Google LLC' });
    expect(geo.lookup('1.1.1.1')).toEqual({ country: 'AU', asn: 13335, asOrg: 'Cloudflare, Inc.' });
  });

  it('looks up IPv6, and IPv4-mapped IPv6 as IPv4', () => {
    expect(geo.lookup('2001:4860:4860::8888')).toMatchObject({ country: 'US', asn: 15169 });
    expect(geo.lookup('::ffff:8.8.8.8')).toMatchObject({ country: 'US', asn: 15169 });
  });

  it('never looks up non-public addresses', () => {
    for (const ip of [
      '10.16.1.11',
      '127.0.0.1',
      'fe80::1',
      '224.0.0.1',
      '192.0.2.7',
      '2001:db8::1',
    ]) {
      expect(geo.lookup(ip), ip).toBeUndefined();
    }
    expect(geo.lookup('no address')).toBeUndefined();
  });
});
