/**
 * Longest-prefix matching of IP addresses against CIDR blocks: one hash map
 * per prefix length, tried from the longest length present to the shortest.
 */
import { ipNumber, type IpNumber } from './ip-address';

/** A CIDR block split into its network number and prefix length. */
export interface ParsedCidr {
  network: IpNumber;
  prefix: number;
}

type Key = number | bigint;

function networkKey(address: IpNumber, prefix: number): Key {
  if (address.version === 6) return address.value >> BigInt(128 - prefix);
  // Shifts in JavaScript take their count modulo 32, so /0 needs its own case.
  return prefix === 0 ? 0 : address.value >>> (32 - prefix);
}

function isAligned(network: IpNumber, prefix: number): boolean {
  if (network.version === 6) return network.value % (1n << BigInt(128 - prefix)) === 0n;
  return network.value % 2 ** (32 - prefix) === 0;
}

/**
 * Parses "10.16.0.0/16" or "2001:db8:100::/48". Returns a reason instead when
 * the text is no CIDR block or has address bits set after the prefix.
 */
export function parseCidr(text: string): ParsedCidr | string {
  const [address = '', prefixText = '', ...rest] = text.split('/');
  const network = ipNumber(address);
  const prefix = Number(prefixText);
  const bits = network?.version === 6 ? 128 : 32;
  if (!network || rest.length > 0 || !/^\d{1,3}$/.test(prefixText) || prefix > bits) {
    return 'is not a CIDR block such as 10.16.0.0/16 or 2001:db8:100::/48';
  }
  // ipNumber reads ::ffff:a.b.c.d as IPv4, which would shift the prefix.
  if (network.version === 4 && address.includes(':')) {
    return 'is an IPv4-mapped IPv6 block; write the IPv4 block instead';
  }
  if (!isAligned(network, prefix)) return `has address bits set after /${prefix}`;
  return { network, prefix };
}

/** The blocks of one address family, by prefix length. */
class FamilyBlocks<T> {
  readonly byLength = new Map<number, Map<Key, T>>();
  /** The prefix lengths present, longest first. */
  lengths: number[] = [];
}

/** Maps CIDR blocks to values and finds the most specific block holding an address. */
export class PrefixTable<T> {
  private readonly families = { 4: new FamilyBlocks<T>(), 6: new FamilyBlocks<T>() };

  /** Adds a block; returns the value already stored for exactly this block, if any. */
  add(cidr: ParsedCidr, value: T): T | undefined {
    const { network, prefix } = cidr;
    const family = this.families[network.version];
    let blocks = family.byLength.get(prefix);
    if (!blocks) {
      blocks = new Map();
      family.byLength.set(prefix, blocks);
      family.lengths = [...family.byLength.keys()].sort((a, b) => b - a);
    }
    const key = networkKey(network, prefix);
    const existing = blocks.get(key);
    if (existing === undefined) blocks.set(key, value);
    return existing;
  }

  /** The value of the longest block holding `ip`, or undefined. */
  match(ip: string): T | undefined {
    const address = ipNumber(ip);
    if (!address) return undefined;
    const family = this.families[address.version];
    for (const prefix of family.lengths) {
      const value = family.byLength.get(prefix)?.get(networkKey(address, prefix));
      if (value !== undefined) return value;
    }
    return undefined;
  }
}
