/**
 * Counts keyed by text that comes from feeds (event types, feed ids):
 * a key such as "constructor" or "__proto__" is counted like any other,
 * never read from or written to Object.prototype.
 */

/** Adds `n` to `counts[key]`, as an own property whatever the key. */
export function addCount(counts: Record<string, number>, key: string, n: number): void {
  const current = Object.hasOwn(counts, key) ? (counts[key] as number) : 0;
  Object.defineProperty(counts, key, {
    value: current + n,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Adds every count of `more` into `into`. */
export function addCounts(into: Record<string, number>, more: Record<string, number>): void {
  for (const [key, n] of Object.entries(more)) addCount(into, key, n);
}
