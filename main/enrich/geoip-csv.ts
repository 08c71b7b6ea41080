/**
 * Reads the ip-location-db CSV files ("start,end,CC" for countries,
 * "start,end,asn,org" for ASNs, addresses as decimal numbers) into compact
 * typed arrays.
 */
import { Ipv4RangeTable, Ipv6RangeTable, type RangeTable } from './range-table';

/** Country codes by range: two ASCII letters packed into 16 bits. */
export interface CountryTable {
  ranges: RangeTable;
  codes: Uint16Array;
}

/** AS numbers and names by range; names are stored once and referenced. */
export interface AsnTable {
  ranges: RangeTable;
  asns: Uint32Array;
  orgIds: Uint32Array;
  orgs: string[];
}

const LOW_64 = (1n << 64n) - 1n;
const COUNTRY = /^[A-Z]{2}$/;

/** Calls `visit` with the start and end offsets of each non-empty line; returns how many. */
function forEachLine(text: string, visit?: (from: number, to: number, index: number) => void) {
  let count = 0;
  for (let from = 0; from < text.length;) {
    const newline = text.indexOf('\n', from);
    const to = newline < 0 ? text.length : newline;
    if (to > from) {
      visit?.(from, to, count);
      count += 1;
    }
    from = to + 1;
  }
  return count;
}

/** The offsets of the first `count` commas of a line, or undefined when it has fewer. */
function commas(text: string, from: number, to: number, count: number): number[] | undefined {
  const found: number[] = [];
  for (let at = from - 1; found.length < count;) {
    at = text.indexOf(',', at + 1);
    if (at < 0 || at >= to) return undefined;
    found.push(at);
  }
  return found;
}

function unquote(field: string): string {
  return field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field;
}

/** Collects range bounds, given as decimal text, into typed arrays. */
interface RangeBuilder {
  set(index: number, start: string, end: string): void;
  build(): RangeTable;
}

class Ipv4RangeBuilder implements RangeBuilder {
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;

  constructor(size: number) {
    this.starts = new Uint32Array(size);
    this.ends = new Uint32Array(size);
  }

  set(index: number, start: string, end: string): void {
    this.starts[index] = Number(start);
    this.ends[index] = Number(end);
  }

  build(): RangeTable {
    return new Ipv4RangeTable(this.starts, this.ends);
  }
}

class Ipv6RangeBuilder implements RangeBuilder {
  private readonly starts: { high: BigUint64Array; low: BigUint64Array };
  private readonly ends: { high: BigUint64Array; low: BigUint64Array };

  constructor(size: number) {
    const halves = () => ({ high: new BigUint64Array(size), low: new BigUint64Array(size) });
    this.starts = halves();
    this.ends = halves();
  }

  set(index: number, start: string, end: string): void {
    for (const [bounds, text] of [
      [this.starts, start],
      [this.ends, end],
    ] as const) {
      const value = BigInt(text);
      bounds.high[index] = value >> 64n;
      bounds.low[index] = value & LOW_64;
    }
  }

  build(): RangeTable {
    return new Ipv6RangeTable(this.starts, this.ends);
  }
}

const rangeBuilder = (version: 4 | 6, size: number): RangeBuilder =>
  version === 4 ? new Ipv4RangeBuilder(size) : new Ipv6RangeBuilder(size);

function malformed(name: string, line: number): Error {
  return new Error(`${name}: line ${line} is not a valid range row`);
}

/** Parses a country CSV of IPv4 or IPv6 ranges; `name` labels errors. */
export function parseCountryCsv(text: string, version: 4 | 6, name: string): CountryTable {
  const size = forEachLine(text);
  const ranges = rangeBuilder(version, size);
  const codes = new Uint16Array(size);
  forEachLine(text, (from, to, index) => {
    const [first, second] = commas(text, from, to, 2) ?? [];
    const country = second === undefined ? '' : text.slice(second + 1, to);
    if (first === undefined || second === undefined || !COUNTRY.test(country)) {
      throw malformed(name, index + 1);
    }
    ranges.set(index, text.slice(from, first), text.slice(first + 1, second));
    codes[index] = (country.charCodeAt(0) << 8) | country.charCodeAt(1);
  });
  return { ranges: ranges.build(), codes };
}

/** Parses an ASN CSV of IPv4 or IPv6 ranges; `name` labels errors. */
export function parseAsnCsv(text: string, version: 4 | 6, name: string): AsnTable {
  const size = forEachLine(text);
  const ranges = rangeBuilder(version, size);
  const asns = new Uint32Array(size);
  const orgIds = new Uint32Array(size);
  const orgs: string[] = [];
  const orgIndex = new Map<string, number>();
  forEachLine(text, (from, to, index) => {
    const [first, second, third] = commas(text, from, to, 3) ?? [];
    const asn = third === undefined ? '' : text.slice((second as number) + 1, third);
    if (first === undefined || second === undefined || third === undefined || !/^\d+$/.test(asn)) {
      throw malformed(name, index + 1);
    }
    ranges.set(index, text.slice(from, first), text.slice(first + 1, second));
    asns[index] = Number(asn);
    const org = unquote(text.slice(third + 1, to));
    let orgId = orgIndex.get(org);
    if (orgId === undefined) {
      orgId = orgs.push(org) - 1;
      orgIndex.set(org, orgId);
    }
    orgIds[index] = orgId;
  });
  // Slices of the file's text keep all of it alive; rebuilt from one joined
  // string (names hold no newline), they keep only that.
  return { ranges: ranges.build(), asns, orgIds, orgs: orgs.join('\n').split('\n') };
}
