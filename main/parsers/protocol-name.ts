/** Transport protocols as tags: one name whether a device wrote "TCP", "tcp" or IANA's 6. */

// IANA protocol numbers that devices write instead of names (Check Point's proto=6).
const BY_NUMBER: ReadonlyMap<string, string> = new Map([
  ['1', 'icmp'],
  ['6', 'tcp'],
  ['17', 'udp'],
  ['47', 'gre'],
  ['50', 'esp'],
  ['58', 'ipv6-icmp'],
  ['132', 'sctp'],
]);

/** The protocol's name in lower case, or undefined for an empty or unknown number. */
export function protocolName(text: string | undefined): string | undefined {
  const value = text?.trim().toLowerCase();
  if (!value) return undefined;
  return /^\d+$/.test(value) ? BY_NUMBER.get(value) : value;
}
