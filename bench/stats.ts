/**
 * The statistics the benchmark reports: medians of rounds, and the median
 * and 95th percentile of repeated timings.
 */

/** A timing as the benchmark reports it, in milliseconds. */
export interface Timing {
  median: number;
  p95: number;
}

/** The median of `values`. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** The nearest-rank percentile `p` (0 to 100) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

const tenths = (ms: number) => Math.round(ms * 10) / 10;

/**
 * Runs `work` once unmeasured (statements compile, pages load), then `runs`
 * times, and reports the median and p95 of those runs.
 */
export function timeRuns(runs: number, work: () => unknown): Timing {
  work();
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return { median: tenths(median(times)), p95: tenths(percentile(times, 95)) };
}
