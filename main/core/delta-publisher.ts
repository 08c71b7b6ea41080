/**
 * Publishes changes of the picture as throttled deltas: however fast alerts
 * arrive, listeners get at most one delta per interval, carrying the alerts
 * added since the last one (the newest, bounded) and fresh aggregates.
 */
import type { CacheState } from '../../shared/cache';
import type { Picture, PictureDelta } from '../../shared/api';
import type { Tlp } from '../../shared/vocab';
import { visibleCacheState, visibleFeed } from './client-view';
import type { AlertCache } from '../store/alert-cache';
import type { ObservedRange } from '../store/window-queries';
import type { FeedHealthBook } from './feed-health';

/** At most ten deltas a second. */
export const DELTA_INTERVAL_MS = 100;
/**
 * A delta at least this often, with nothing added: feed health changes
 * without alerts (a feed falls silent, a transport drops), and a wall must
 * see that without anyone touching it.
 */
export const HEARTBEAT_MS = 5000;
/** The renderer keeps no more than this many recent alerts, so no delta carries more. */
export const MAX_DELTA_ALERTS = 500;
const ARC_LIMIT = 5000;

/** Computes the picture and sends throttled deltas of it. */
export class DeltaPublisher {
  private lastSeq: number;
  private lastFlush = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly ceilingPictures = new Map<Tlp, Picture>();
  private stopped = false;

  constructor(
    private readonly cache: AlertCache,
    private readonly health: FeedHealthBook,
    private readonly emit: (delta: PictureDelta) => void,
    /** Whether the cache takes writes: every picture carries it. */
    private readonly cacheState: () => CacheState,
    private readonly intervalMs = DELTA_INTERVAL_MS,
    heartbeatMs = HEARTBEAT_MS,
  ) {
    this.lastSeq = cache.latestSeq();
    this.heartbeat = setInterval(() => this.notify(), heartbeatMs);
    // The heartbeat alone must not keep a finished process alive.
    this.heartbeat.unref();
  }

  /**
   * The whole picture as of now, computed in main; with `maxTlp`, of only
   * the alerts marked at most that, saying how many were left out. Pictures
   * with a ceiling are kept for the interval: every wall with the same
   * ceiling shares one.
   */
  picture(maxTlp?: Tlp): Picture {
    if (maxTlp === undefined) return this.compute(undefined);
    const kept = this.ceilingPictures.get(maxTlp);
    if (kept && Date.now() - kept.generatedAt < this.intervalMs) return kept;
    const picture = this.compute(maxTlp);
    this.ceilingPictures.set(maxTlp, picture);
    return picture;
  }

  private compute(maxTlp: Tlp | undefined): Picture {
    const stats = this.cache.stats(maxTlp);
    const feeds = this.health.snapshot(this.cache.feedCounters());
    if (maxTlp === undefined) {
      return {
        generatedAt: Date.now(),
        stats,
        arcs: this.cache.arcs(ARC_LIMIT),
        feeds,
        withheld: 0,
        cache: this.cacheState(),
      };
    }
    return {
      generatedAt: Date.now(),
      // Rejected records have no marking of their own; a wall is not told of them.
      stats: { ...stats, quarantined: 0 },
      arcs: this.cache.arcs(ARC_LIMIT, maxTlp),
      feeds: feeds.map((feed) => visibleFeed(feed, stats.byFeed[feed.id] ?? 0)),
      withheld: this.cache.stats().alerts - stats.alerts,
      cache: visibleCacheState(this.cacheState()),
    };
  }

  /**
   * The picture of the alerts observed in `range`, computed for this call
   * alone: windows differ from call to call, and a replay asks for one
   * window once. Feed health and the cache's state are those of now; with
   * `maxTlp`, only what a wall with that ceiling may see, as live.
   */
  windowPicture(range: ObservedRange, maxTlp?: Tlp): Picture {
    const stats = this.cache.windowStats(range, maxTlp);
    const feeds = this.health.snapshot(this.cache.feedCounters());
    const base = {
      generatedAt: Date.now(),
      range: { from: range.from, to: range.to },
      arcs: this.cache.windowArcs(range, ARC_LIMIT, maxTlp),
      cache: this.cacheState(),
    };
    if (maxTlp === undefined) return { ...base, stats, feeds, withheld: 0 };
    const visible = this.cache.stats(maxTlp).byFeed;
    return {
      ...base,
      stats: { ...stats, quarantined: 0 },
      feeds: feeds.map((feed) => visibleFeed(feed, visible[feed.id] ?? 0)),
      withheld: this.cache.windowAlertCount(range) - stats.alerts,
      cache: visibleCacheState(base.cache),
    };
  }

  /** Says that something changed; a delta follows within the interval. */
  notify(): void {
    if (this.timer || this.stopped) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - Date.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Stops any pending delta, and every later one. */
  stop(): void {
    this.stopped = true;
    clearInterval(this.heartbeat);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private flush(): void {
    this.timer = undefined;
    this.lastFlush = Date.now();
    const latest = this.cache.latestSeq();
    const from = Math.max(this.lastSeq, latest - MAX_DELTA_ALERTS);
    const { alerts } = this.cache.alertsAfter(from, MAX_DELTA_ALERTS);
    this.lastSeq = latest;
    this.emit({ added: alerts, picture: this.picture() });
  }
}
