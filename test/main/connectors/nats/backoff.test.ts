import { describe, expect, it } from 'vitest';
import { Backoff, backoffDelay } from '../../../../main/connectors/nats/backoff';

const LIMITS = { initialMs: 500, maxMs: 30_000 };

describe('backoff', () => {
  it('doubles each wait up to the cap, drawn from the upper half of its range', () => {
    const low = [0, 1, 2, 3, 6, 7, 100].map((n) => backoffDelay(n, LIMITS, () => 0));
    const high = [0, 1, 2, 3, 6, 7, 100].map((n) => backoffDelay(n, LIMITS, () => 1));
    expect(low).toEqual([250, 500, 1000, 2000, 15_000, 15_000, 15_000]);
    expect(high).toEqual([500, 1000, 2000, 4000, 30_000, 30_000, 30_000]);
  });

  it('gives one wait per attempt however often it is asked, and starts over after a success', () => {
    let draws = 0;
    const backoff = new Backoff(LIMITS, () => (draws++ % 2 === 0 ? 0 : 1));
    expect([backoff.delay(), backoff.delay()]).toEqual([250, 250]);
    backoff.advance();
    expect([backoff.delay(), backoff.delay()]).toEqual([1000, 1000]);
    backoff.advance();
    backoff.reset();
    expect(backoff.delay()).toBe(250);
  });
});
