/**
 * Capped exponential backoff with jitter. The waits between attempts double
 * up to a cap, and each is drawn at random from the upper half of its
 * range, so that the many Lagebild instances one server outage cut off do
 * not all come back in the same instant.
 */

/** The first wait and the longest. */
export interface BackoffLimits {
  initialMs: number;
  maxMs: number;
}

/** The wait before retry number `attempt` (0 for the first). */
export function backoffDelay(attempt: number, limits: BackoffLimits, random = Math.random): number {
  // The exponent is bounded so that a long outage never overflows to Infinity.
  const ceiling = Math.min(limits.maxMs, limits.initialMs * 2 ** Math.min(attempt, 32));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * Counts attempts and says how long to wait before the next one. The wait
 * is drawn once per attempt: the NATS client asks for it more than once
 * while it waits to dial again, and must hear the same answer each time.
 */
export class Backoff {
  private attempt = 0;
  private drawn: number | undefined;

  constructor(
    private readonly limits: BackoffLimits,
    private readonly random: () => number = Math.random,
  ) {}

  /** The wait before the next attempt. */
  delay(): number {
    this.drawn ??= backoffDelay(this.attempt, this.limits, this.random);
    return this.drawn;
  }

  /** An attempt was made: the next wait is longer. */
  advance(): void {
    this.attempt += 1;
    this.drawn = undefined;
  }

  /** The thing worked: the next failure starts from the first wait again. */
  reset(): void {
    this.attempt = 0;
    this.drawn = undefined;
  }
}
