/**
 * Live health of each feed: its state, when it last delivered, its event
 * rate over the last ten seconds, and its errors. Counts of alerts and
 * quarantined records come from the cache, which outlives the process.
 */
import type { FeedHealth, FeedState } from '../../shared/api';
import { scrubSecrets } from './known-secrets';

const RATE_WINDOW_S = 10;

interface Entry {
  type: string;
  state: FeedState;
  registeredAt: number;
  /** The longest normal silence, ms; undefined when the feed may be silent at will. */
  expectedIntervalMs?: number;
  lastEventAt?: number;
  errorCount: number;
  lastError?: string;
  lagMs?: number;
  /** Events per whole second, for the last RATE_WINDOW_S seconds. */
  perSecond: Map<number, number>;
}

/** Cache counters of one feed, as the store reports them. */
export interface FeedCounters {
  id: string;
  type: string;
  alerts: number;
  quarantined: number;
  lastEventAt?: number;
}

/** Tracks the health of every running feed. */
export class FeedHealthBook {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Starts tracking a feed, idle until it reports. */
  register(id: string, type: string, expectedIntervalSeconds?: number): void {
    this.entries.set(id, {
      type,
      state: 'idle',
      registeredAt: this.clock(),
      expectedIntervalMs:
        expectedIntervalSeconds === undefined ? undefined : expectedIntervalSeconds * 1000,
      errorCount: 0,
      perSecond: new Map(),
    });
  }

  /** Records a state change; 'down' counts as an error. */
  setState(id: string, state: FeedState, error?: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    if (state === 'down' && error !== undefined) {
      entry.errorCount += 1;
      // Every client is shown this, and a server may have echoed a secret into it.
      entry.lastError = scrubSecrets(error);
    }
    entry.state = state;
  }

  /**
   * Records that `count` events arrived now, the newest alert among them
   * observed `lagMs` before it arrived (a feed that delivers late, or
   * replays old data, lags).
   */
  recordEvents(id: string, count: number, lagMs?: number): void {
    const entry = this.entries.get(id);
    if (!entry || count === 0) return;
    if (lagMs !== undefined) entry.lagMs = lagMs;
    const now = this.clock();
    entry.lastEventAt = now;
    const second = Math.floor(now / 1000);
    entry.perSecond.set(second, (entry.perSecond.get(second) ?? 0) + count);
    for (const key of entry.perSecond.keys()) {
      if (key <= second - RATE_WINDOW_S) entry.perSecond.delete(key);
    }
  }

  /** Health of every feed the cache or this process knows, sorted by id. */
  snapshot(counters: FeedCounters[]): FeedHealth[] {
    const byId = new Map(counters.map((c) => [c.id, c]));
    const ids = new Set([...this.entries.keys(), ...byId.keys()]);
    const nowMs = this.clock();
    const now = Math.floor(nowMs / 1000);
    return [...ids].sort().map((id) => {
      const entry = this.entries.get(id);
      const stored = byId.get(id);
      let recent = 0;
      for (const [second, count] of entry?.perSecond ?? []) {
        if (second > now - RATE_WINDOW_S) recent += count;
      }
      return {
        id,
        type: entry?.type ?? stored?.type ?? 'unknown',
        // A feed in the cache that this process does not run is shown as idle.
        state: entry?.state ?? 'idle',
        lastEventAt: entry?.lastEventAt ?? stored?.lastEventAt,
        eventsPerSec: recent / RATE_WINDOW_S,
        alerts: stored?.alerts ?? 0,
        quarantined: stored?.quarantined ?? 0,
        errorCount: entry?.errorCount ?? 0,
        lastError: entry?.lastError,
        lagMs: entry?.lagMs,
        ...staleness(entry, nowMs),
      };
    });
  }
}

/** How long a running feed has been silent, and whether that is longer than normal for it. */
function staleness(
  entry: Entry | undefined,
  now: number,
): { silentForMs?: number; stale: boolean } {
  if (!entry) return { stale: false };
  // A feed silent since this process started it has been silent since then.
  const silentForMs = Math.max(0, now - (entry.lastEventAt ?? entry.registeredAt));
  const stale = entry.expectedIntervalMs !== undefined && silentForMs > entry.expectedIntervalMs;
  return { silentForMs, stale };
}
