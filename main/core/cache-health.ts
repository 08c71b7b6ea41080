/**
 * Whether the cache takes new alerts, as every client is shown it: 'ok',
 * 'read-only' for a cache opened for review, 'full' when the disk refused
 * the last commit, 'error' when a commit failed otherwise. Feeds keep what
 * failed to commit and try again (see each connector); the first commit
 * that works sets the state back to 'ok'.
 */
import type { CacheState, CacheStateName } from '../../shared/cache';
import { CacheError } from '../store/cache-error';
import { scopedLogger } from './log';

const log = scopedLogger('cache');

/** The contract caps a state's message at this length. */
const MAX_MESSAGE = 500;

/** Whoever commits a feed's batches reports each outcome here. */
export interface CommitObserver {
  committed(): void;
  failed(feed: string, records: number, error: unknown): void;
}

const clip = (text: string) =>
  text.length <= MAX_MESSAGE ? text : `${text.slice(0, MAX_MESSAGE - 1)}…`;

/** Tracks the cache's state from the outcome of every feed commit. */
export class CacheHealth implements CommitObserver {
  private current: CacheState;
  private lastError: unknown;
  /** Records each feed could not commit, as of its last failed commit. */
  private readonly waiting = new Map<string, number>();

  constructor(
    private readonly file: string,
    readOnly: boolean,
    private readonly changed: () => void = () => undefined,
    private readonly clock: () => number = Date.now,
  ) {
    this.current = readOnly
      ? { state: 'read-only', message: clip(`Read-only review of ${file}`), since: clock() }
      : { state: 'ok', since: clock() };
  }

  /** The state to show. */
  state(): CacheState {
    return this.current;
  }

  /**
   * A commit that works shows the cache takes writes again, whichever feed
   * made it: feeds still holding records retry and report again if not.
   */
  committed(): void {
    if (this.current.state !== 'full' && this.current.state !== 'error') return;
    this.waiting.clear();
    log.info(`cache ${this.file} takes writes again; ingest resumed`);
    this.set('ok');
  }

  failed(feed: string, records: number, error: unknown): void {
    this.waiting.set(feed, records);
    this.lastError = error;
    const name: CacheStateName =
      error instanceof CacheError && error.kind === 'full' ? 'full' : 'error';
    const message = this.describe(name);
    if (this.current.state !== name) log.error(`cache ${this.file}: ${message}`);
    this.set(name, message);
  }

  private describe(name: CacheStateName): string {
    const records = [...this.waiting.values()].reduce((sum, n) => sum + n, 0);
    const paused = `ingest paused, ${records} records waiting; feeds retry by themselves`;
    if (name === 'full') return `The disk holding ${this.file} is full; ${paused}.`;
    const reason =
      this.lastError instanceof Error ? this.lastError.message : String(this.lastError);
    return `Writing ${this.file} failed (${reason}); ${paused}.`;
  }

  private set(state: CacheStateName, message?: string): void {
    const since = state === this.current.state ? this.current.since : this.clock();
    const next: CacheState = message ? { state, message: clip(message), since } : { state, since };
    if (next.state === this.current.state && next.message === this.current.message) return;
    this.current = next;
    this.changed();
  }
}
