import type { ReactElement } from 'react';
import type { FeedHealth, FeedState } from '../../shared/api';
import { useAppStore } from '../store/use-app-store';
import { formatRate } from './format';

/** What a feed's state is called here: a feed that cannot reach its source is offline. */
const STATE_LABELS: Record<FeedState, string> = {
  connected: 'connected',
  connecting: 'connecting',
  down: 'offline',
  idle: 'idle',
};

/** What a feed's line says on hover: its lag and its last error. */
function describeFeed(feed: FeedHealth): string | undefined {
  const parts = [
    feed.lagMs === undefined ? undefined : `lag ${Math.round(feed.lagMs / 1000)} s`,
    feed.stale ? 'silent for longer than expected' : undefined,
    feed.lastError === undefined ? undefined : `last error: ${feed.lastError}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/**
 * Each feed with its health state, alert count and event rate; a feed that
 * is not connected shows its last error in the line, not only on hover, so
 * that an analyst working from the cache alone sees why nothing new comes.
 */
export function FeedList(): ReactElement {
  const feeds = useAppStore((state) => state.feeds);
  return (
    <section className="feeds" aria-label="Feeds">
      <h2>Feeds</h2>
      {feeds.length === 0 && <p className="empty">No feeds reported yet.</p>}
      <ul className="feed-list">
        {feeds.map((feed) => (
          <li
            key={feed.id}
            className={`feed feed-${feed.state}`}
            title={describeFeed(feed)}
            data-testid="feed"
            data-state={feed.state}
          >
            <span className="feed-state">{STATE_LABELS[feed.state]}</span>
            <span className="feed-id">{feed.id}</span>
            <span className="feed-rate">{formatRate(feed.eventsPerSec)}</span>
            <span className="feed-count">{feed.alerts}</span>
            {feed.state !== 'connected' && feed.lastError && (
              <span className="feed-error" data-testid="feed-error">
                {feed.lastError}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
