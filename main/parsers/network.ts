/**
 * Validation and canonical forms of addresses, ports and host names, so
 * that one host is always written the same way whatever the feed wrote.
 */
import ipaddr from 'ipaddr.js';

const MAX_IP_CHARS = 64;
const MAX_HOSTNAME_CHARS = 253;

/**
 * The canonical form of an IP address, or undefined. IPv4 must be four
 * decimal parts (no octal, hex or short forms, which feeds never mean);
 * IPv6 is compressed as RFC 5952 says, and IPv4-mapped IPv6 becomes IPv4.
 */
export function canonicalIp(text: string): string | undefined {
  if (text.length > MAX_IP_CHARS) return undefined;
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text).toString();
  if (!ipaddr.IPv6.isValid(text)) return undefined;
  const address = ipaddr.IPv6.parse(text);
  if (address.isIPv4MappedAddress()) return address.toIPv4Address().toString();
  return address.toRFC5952String();
}

/** A TCP/UDP port, or undefined when `value` is not an integer 0-65535. */
export function validPort(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535
    ? value
    : undefined;
}

/**
 * A host name in lower case, or undefined. Letters, digits, '-', '_' and
 * '.' only (internationalized names arrive punycoded on the wire).
 */
export function validHostname(text: string): string | undefined {
  const name = text.trim().toLowerCase().replace(/\.$/, '');
  if (name.length === 0 || name.length > MAX_HOSTNAME_CHARS) return undefined;
  return /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(name) ? name : undefined;
}
