/**
 * How much of the quarantine one source may fill. Every rejected record is
 * counted, but only the first ones are stored one by one: 4 MB of junk
 * lines once made a 300 MB cache. The rest become one summary entry.
 */
import type { QuarantineInput } from '../store/quarantine';

/** Most rejected records of one file (or one live feed per LIVE_WINDOW_MS) stored one by one. */
export const MAX_QUARANTINE_PER_SOURCE = 1000;

/** The window a live feed's quarantine budget covers. */
export const LIVE_WINDOW_MS = 60_000;

/** Counts one source's rejected records and says which may still be stored. */
export class QuarantineBudget {
  private stored = 0;
  private over = 0;
  private firstOver?: string;

  constructor(private readonly limit = MAX_QUARANTINE_PER_SOURCE) {}

  /** Whether the record at `position` may be stored; it is counted either way. */
  admit(position: string): boolean {
    if (this.stored < this.limit) {
      this.stored += 1;
      return true;
    }
    this.countOver(position, 1);
    return false;
  }

  /** Counts `count` records rejected within `position` that a parser did not list. */
  countOver(position: string, count: number): void {
    this.firstOver ??= position;
    this.over += count;
  }

  /**
   * The one entry that stands for every record not stored, or undefined
   * when all were. Its position is where the first of them was, so that
   * the same file imported again gives the same entry, kept once.
   */
  summary(): QuarantineInput | undefined {
    if (this.firstOver === undefined) return undefined;
    return {
      position: this.firstOver,
      reason: `${this.over} more records rejected like these (only the first ${this.limit} are kept one by one)`,
      raw: '',
    };
  }

  /** The summary of what went over since the last one was taken, and a fresh count after it. */
  takeSummary(): QuarantineInput | undefined {
    const summary = this.summary();
    this.over = 0;
    this.firstOver = undefined;
    return summary;
  }
}

/**
 * The budgets of live feeds (tail, syslog, NATS, pollers), one per feed per
 * window: a sender that only sends junk, as fast as it can, stores at most
 * MAX_QUARANTINE_PER_SOURCE records a minute one by one, and the rest as a
 * small summary entry per batch. Files imported have a budget of their own.
 */
export class LiveQuarantineBudgets {
  private readonly windows = new Map<string, { start: number; budget: QuarantineBudget }>();

  /** The budget of `feed` for a batch received at `now`. */
  forBatch(feed: string, now: number): QuarantineBudget {
    const window = this.windows.get(feed);
    if (window && now - window.start < LIVE_WINDOW_MS) return window.budget;
    const fresh = { start: now, budget: new QuarantineBudget() };
    this.windows.set(feed, fresh);
    return fresh.budget;
  }
}
