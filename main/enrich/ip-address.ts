/**
 * Strict parsing of IP addresses into the numbers the lookup tables use.
 * An IPv4-mapped IPv6 address (::ffff:1.2.3.4) is its IPv4 address.
 */
import ipaddr from 'ipaddr.js';
import { isIP } from 'node:net';

/** An address as a number: IPv4 as 32 bits, IPv6 as 128. */
export type IpNumber = { version: 4; value: number } | { version: 6; value: bigint };

/**
 * Parses a textual IP address. Only dotted-quad IPv4 and standard IPv6 are
 * accepted: ipaddr.js alone would also read "010.1.1.1" as octal 8.1.1.1.
 */
export function parseIp(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  if (isIP(text) === 0) return undefined;
  return ipaddr.process(text);
}

/** The address as a number. */
export function toIpNumber(address: ipaddr.IPv4 | ipaddr.IPv6): IpNumber {
  const bytes = address.toByteArray();
  if (address.kind() === 'ipv4') {
    return { version: 4, value: bytes.reduce((sum, byte) => sum * 256 + byte, 0) };
  }
  return { version: 6, value: bytes.reduce((sum, byte) => (sum << 8n) | BigInt(byte), 0n) };
}

/** The number of a textual IP address, or undefined when it is none. */
export function ipNumber(text: string): IpNumber | undefined {
  const address = parseIp(text);
  return address && toIpNumber(address);
}
