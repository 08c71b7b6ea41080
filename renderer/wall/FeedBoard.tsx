/** Every feed's health, large: state, rate, alerts, and how long it has been silent. */
import type { ReactElement } from 'react';
import { formatRate } from '../panel/format';
import { useAppStore } from '../store/use-app-store';

export function FeedBoard(): ReactElement {
  const feeds = useAppStore((state) => state.feeds);
  return (
    <ul className="wall-feeds" data-testid="wall-feeds">
      {feeds.length === 0 && <li className="empty">No feeds.</li>}
      {feeds.map((feed) => (
        <li key={feed.id} className={`feed feed-${feed.state}${feed.stale ? ' stale' : ''}`}>
          <span className="feed-id">{feed.id}</span>
          <span className="feed-state">{feed.stale ? 'silent' : feed.state}</span>
          <span className="feed-rate">{formatRate(feed.eventsPerSec)}</span>
          <span className="feed-count">{feed.alerts} alerts</span>
          {feed.lastError && <span className="feed-error">{feed.lastError}</span>}
        </li>
      ))}
    </ul>
  );
}
