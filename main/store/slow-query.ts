/**
 * Times database work and logs what took long enough for a user to notice,
 * so a cache that grew too large for its queries shows up in the log file.
 */
import { scopedLogger } from '../core/log';

const log = scopedLogger('store');

/** Work slower than this many milliseconds is logged. */
export const SLOW_QUERY_MS = 100;

/** Runs `work` and logs a warning naming `label` when it was slow. */
export function timed<T>(label: string, work: () => T): T {
  const started = performance.now();
  try {
    return work();
  } finally {
    const elapsed = performance.now() - started;
    if (elapsed > SLOW_QUERY_MS) log.warn(`slow query: ${label} took ${Math.round(elapsed)} ms`);
  }
}
