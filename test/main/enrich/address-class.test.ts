import { describe, expect, it } from 'vitest';
import type { AddressClass } from '../../../shared/model';
import { classifyAddress } from '../../../main/enrich/address-class';

const CASES: [ip: string, expected: AddressClass | undefined][] = [
  ['82.165.177.154', 'public'],
  ['8.8.8.8', 'public'],
  ['2a00:1450:4001:82b::200e', 'public'],
  ['10.16.1.11', 'private'],
  ['172.31.255.1', 'private'],
  ['192.168.1.1', 'private'],
  ['100.64.0.1', 'private'],
  ['100.127.255.254', 'private'],
  ['100.128.0.1', 'public'],
  ['fd12:3456::1', 'private'],
  ['127.0.0.1', 'loopback'],
  ['::1', 'loopback'],
  ['169.254.10.1', 'link-local'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['ff02::1', 'multicast'],
  ['192.0.2.7', 'documentation'],
  ['198.51.100.1', 'documentation'],
  ['203.0.113.200', 'documentation'],
  ['2001:db8::1', 'documentation'],
  ['0.0.0.0', 'reserved'],
  ['255.255.255.255', 'reserved'],
  ['240.0.0.1', 'reserved'],
  ['198.18.0.1', 'reserved'],
  ['192.0.0.8', 'reserved'],
  ['::', 'reserved'],
  ['2001:2::1', 'reserved'],
  ['fec0::1', 'reserved'],
  ['::ffff:10.1.2.3', 'private'],
  ['::ffff:8.8.8.8', 'public'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['not an ip', undefined],
  ['', undefined],
  ['999.1.1.1', undefined],
  ['127.1', undefined],
  ['010.1.1.1', undefined],
  [' 8.8.8.8', undefined],
];

describe('classifyAddress', () => {
  it.each(CASES)('classifies %s as %s', (ip, expected) => {
    expect(classifyAddress(ip)).toBe(expected);
  });
});
