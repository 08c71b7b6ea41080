import { describe, expect, it } from 'vitest';
import {
  correlationKey,
  DEFAULT_CORRELATION,
  networkOf,
} from '../../../main/correlate/correlation-key';
import { makeAlert } from '../store/helpers';

describe('correlation key', () => {
  it('reads the source network as /24 for IPv4 and /48 for IPv6', () => {
    expect(networkOf('203.0.113.77')).toBe('203.0.113.0/24');
    expect(networkOf('2001:db8:abcd:12::1')).toBe('2001:db8:abcd::/48');
    expect(networkOf('::ffff:198.51.100.9')).toBe('198.51.100.0/24');
    expect(networkOf('not an address')).toBeUndefined();
    expect(networkOf(undefined)).toBeUndefined();
  });

  it('names the target by site, then organisation, then sector, then network', () => {
    const target = (destination: object, sectors: string[] = []) =>
      correlationKey(
        makeAlert({ id: 'eve:k-1', destination, sectors: sectors as never }),
        DEFAULT_CORRELATION,
      ).target;
    expect(target({ ip: '10.0.0.1', site: 'HQ', organisation: 'ACME' })).toBe('site HQ');
    expect(target({ ip: '10.0.0.1', organisation: 'ACME' })).toBe('organisation ACME');
    expect(target({ ip: '10.0.0.1' }, ['government', 'energy'])).toBe('sector energy+government');
    expect(target({ ip: '10.0.0.1' })).toBe('network 10.0.0.0/24');
  });

  it('gives alerts of one rule, target and source network one key, and others another', () => {
    const alert = (id: string, ip: string, title = 'ET SCAN') =>
      makeAlert({ id, title, source: { ip }, destination: { ip: '10.0.0.5', site: 'HQ' } });
    const key = (a: ReturnType<typeof alert>) => correlationKey(a, DEFAULT_CORRELATION).digest;
    expect(key(alert('eve:a', '203.0.113.1'))).toBe(key(alert('eve:b', '203.0.113.200')));
    expect(key(alert('eve:a', '203.0.113.1'))).not.toBe(key(alert('eve:c', '203.0.114.1')));
    expect(key(alert('eve:a', '203.0.113.1'))).not.toBe(key(alert('eve:d', '203.0.113.1', 'X')));
  });

  it('keys by the configured parts only', () => {
    const options = { keys: ['signature'] as const, gapMs: 60_000 };
    const a = makeAlert({ id: 'eve:a', source: { ip: '203.0.113.1' } });
    const b = makeAlert({ id: 'eve:b', source: { ip: '198.51.100.1' } });
    expect(correlationKey(a, options).digest).toBe(correlationKey(b, options).digest);
    expect(correlationKey(a, options)).toMatchObject({ sourceNetwork: undefined, gapMs: 60_000 });
  });

  it('keys every sighting of a STIX indicator by the indicator alone, with no gap', () => {
    const sighting = (id: string, ip: string) =>
      makeAlert({
        id,
        kind: 'sighting',
        signature: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
        source: { ip },
      });
    const one = correlationKey(sighting('stix:1', '203.0.113.1'), DEFAULT_CORRELATION);
    const two = correlationKey(sighting('stix:2', '198.51.100.1'), DEFAULT_CORRELATION);
    expect(one.digest).toBe(two.digest);
    expect(one.gapMs).toBe(Infinity);
  });
});
