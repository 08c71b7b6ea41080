/**
 * Sorted address ranges in typed arrays, searched by bisection. The GeoIP
 * data lists some ranges inside others (a /24 of one country inside a larger
 * block of another), so each range also records the range enclosing its
 * start: a lookup that lands after the end of a nested range climbs to it.
 */
import type { IpNumber } from './ip-address';

/** Ranges sorted by start; find gives the index of the innermost one holding an address. */
export interface RangeTable {
  readonly size: number;
  /** The index of the innermost range holding `address`, or -1. */
  find(address: IpNumber): number;
}

/**
 * For each range, the nearest earlier range still open at its start (or -1).
 * Following these links from any range visits every earlier range that may
 * hold a later address, innermost first.
 */
function enclosingRanges(size: number, endsBeforeStartOf: (open: number, next: number) => boolean) {
  const parents = new Int32Array(size);
  const open: number[] = [];
  for (let i = 0; i < size; i += 1) {
    while (open.length > 0 && endsBeforeStartOf(open[open.length - 1] as number, i)) open.pop();
    parents[i] = open.at(-1) ?? -1;
    open.push(i);
  }
  return parents;
}

/** The innermost range holding an address, given tests of its start and end against it. */
function innermost(
  size: number,
  parents: Int32Array,
  startsAtOrBefore: (i: number) => boolean,
  endsBefore: (i: number) => boolean,
): number {
  let low = 0;
  let high = size - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (startsAtOrBefore(middle)) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  while (found >= 0 && endsBefore(found)) found = parents[found] as number;
  return found;
}

/** IPv4 ranges as pairs of 32-bit numbers. */
export class Ipv4RangeTable implements RangeTable {
  private readonly parents: Int32Array;

  constructor(
    private readonly starts: Uint32Array,
    private readonly ends: Uint32Array,
  ) {
    this.parents = enclosingRanges(starts.length, (open, next) => ends[open]! < starts[next]!);
  }

  /** How many ranges the table holds. */
  get size(): number {
    return this.starts.length;
  }

  /** The index of the innermost range holding `address`, or -1. */
  find(address: IpNumber): number {
    if (address.version !== 4) return -1;
    const value = address.value;
    return innermost(
      this.size,
      this.parents,
      (i) => this.starts[i]! <= value,
      (i) => this.ends[i]! < value,
    );
  }
}

const LOW_64 = (1n << 64n) - 1n;

function below(aHigh: bigint, aLow: bigint, bHigh: bigint, bLow: bigint): boolean {
  return aHigh < bHigh || (aHigh === bHigh && aLow < bLow);
}

/** IPv6 ranges as 128-bit numbers, each split into a high and a low 64-bit half. */
export class Ipv6RangeTable implements RangeTable {
  private readonly parents: Int32Array;

  constructor(
    private readonly starts: { high: BigUint64Array; low: BigUint64Array },
    private readonly ends: { high: BigUint64Array; low: BigUint64Array },
  ) {
    this.parents = enclosingRanges(starts.high.length, (open, next) =>
      below(ends.high[open]!, ends.low[open]!, starts.high[next]!, starts.low[next]!),
    );
  }

  /** How many ranges the table holds. */
  get size(): number {
    return this.starts.high.length;
  }

  /** The index of the innermost range holding `address`, or -1. */
  find(address: IpNumber): number {
    if (address.version !== 6) return -1;
    const high = address.value >> 64n;
    const low = address.value & LOW_64;
    const { starts, ends } = this;
    return innermost(
      this.size,
      this.parents,
      (i) => !below(high, low, starts.high[i]!, starts.low[i]!),
      (i) => below(ends.high[i]!, ends.low[i]!, high, low),
    );
  }
}
