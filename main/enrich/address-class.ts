/**
 * What kind of address an IP is, before any lookup: only public addresses
 * may be geolocated, and private ones are the organisation's own.
 */
import ipaddr from 'ipaddr.js';
import type { AddressClass } from '../../shared/model';
import { ipv4Number, parseIp, toIpNumber } from './ip-address';

type Range = [cidr: string, addressClass: AddressClass];

// From the IANA special-purpose registries. IPv4 addresses outside these
// ranges are public.
const IPV4_RANGES: Range[] = [
  ['0.0.0.0/8', 'reserved'],
  ['10.0.0.0/8', 'private'],
  // Carrier-grade NAT: not routed on the internet, so as good as private here.
  ['100.64.0.0/10', 'private'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'reserved'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  // Includes the limited broadcast address 255.255.255.255.
  ['240.0.0.0/4', 'reserved'],
];

// IPv6 addresses are public only inside global unicast 2000::/3 and outside
// its special ranges; everything else unlisted here is reserved.
const IPV6_RANGES: Range[] = [
  ['::1/128', 'loopback'],
  ['fc00::/7', 'private'],
  ['fe80::/10', 'link-local'],
  ['ff00::/8', 'multicast'],
  ['2001:db8::/32', 'documentation'],
  ['3fff::/20', 'documentation'],
  // IETF protocol assignments: Teredo, benchmarking, ORCHID, ...
  ['2001::/23', 'reserved'],
];

const parseRanges = <T extends ipaddr.IPv4 | ipaddr.IPv6>(ranges: Range[]) =>
  ranges.map(
    ([cidr, addressClass]) => [ipaddr.parseCIDR(cidr) as [T, number], addressClass] as const,
  );

const IPV4 = parseRanges<ipaddr.IPv4>(IPV4_RANGES);
const IPV6 = parseRanges<ipaddr.IPv6>(IPV6_RANGES);
const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');

// The IPv4 ranges again as [first, last] address numbers, for the fast path.
const IPV4_SPANS = IPV4.map(([[address, bits], addressClass]) => {
  const size = 2 ** (32 - bits);
  const value = toIpNumber(address).value as number;
  const first = value - (value % size);
  return [first, first + size - 1, addressClass] as const;
});

/** The class of an IP address, or undefined when the text is no IP address. */
export function classifyAddress(ip: string): AddressClass | undefined {
  const v4 = ipv4Number(ip);
  if (v4 !== undefined) {
    return IPV4_SPANS.find(([first, last]) => v4 >= first && v4 <= last)?.[2] ?? 'public';
  }
  const address = parseIp(ip);
  if (!address) return undefined;
  if (address.kind() === 'ipv4') {
    const v4 = address as ipaddr.IPv4;
    return IPV4.find(([range]) => v4.match(range))?.[1] ?? 'public';
  }
  const v6 = address as ipaddr.IPv6;
  const listed = IPV6.find(([range]) => v6.match(range))?.[1];
  return listed ?? (v6.match(GLOBAL_UNICAST) ? 'public' : 'reserved');
}
