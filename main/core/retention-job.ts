/**
 * Runs retention in the background: at start and then every configured
 * interval, in chunks that leave room for the feeds' commits. A cache with
 * no limit keeps everything, and the log says so once.
 */
import type { RetentionRun } from '../../shared/cache';
import type { AlertCache } from '../store/alert-cache';
import type { RetentionConfig } from './retention-config';
import { scopedLogger } from './log';

const log = scopedLogger('retention');

const MINUTE_MS = 60_000;

/** Lets other work (feed commits, API calls) run between two chunks. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The periodic retention of one open cache. */
export class RetentionJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RetentionRun | undefined> | undefined;
  private readonly stopping = new AbortController();

  constructor(
    private readonly cache: AlertCache,
    private readonly config: RetentionConfig,
    /** Called after a run that removed something: the picture changed. */
    private readonly removed: () => void = () => undefined,
  ) {}

  /** Whether any limit is set. */
  get limited(): boolean {
    return this.config.maxAgeDays !== undefined || this.config.maxSizeMB !== undefined;
  }

  /** Runs now and then every interval; without limits only says that everything is kept. */
  start(): void {
    if (!this.limited) {
      log.info(`cache ${this.cache.file}: no retention limit set; every alert is kept`);
      return;
    }
    const every = this.config.intervalMinutes * MINUTE_MS;
    const tick = () => {
      void this.runNow()
        .catch((error: Error) => log.error(`retention failed: ${error.message}`))
        .finally(() => {
          if (!this.stopping.signal.aborted) this.timer = setTimeout(tick, every);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Applies the limits now, or joins the run already under way. */
  runNow(): Promise<RetentionRun | undefined> {
    if (!this.limited || this.stopping.signal.aborted) return Promise.resolve(undefined);
    this.running ??= this.cache
      .applyRetention(this.config, {
        now: Date.now(),
        pause: nextTurn,
        signal: this.stopping.signal,
      })
      .then((run) => {
        if (run) this.removed();
        return run;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stops between two chunks and waits for the run to settle, before the cache is closed. */
  async stop(): Promise<void> {
    this.stopping.abort();
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }
}
