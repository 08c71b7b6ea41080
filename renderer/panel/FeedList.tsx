import type { ReactElement } from 'react';
import { useAppStore } from '../store/use-app-store';
import { formatRate } from './format';

/** Each feed with its health state, alert count and event rate. */
export function FeedList(): ReactElement {
  const feeds = useAppStore((state) => state.feeds);
  return (
    <section className="feeds" aria-label="Feeds">
      <h2>Feeds</h2>
      {feeds.length === 0 && <p className="empty">No feeds reported yet.</p>}
      <ul className="feed-list">
        {feeds.map((feed) => (
          <li key={feed.id} className={`feed feed-${feed.state}`} title={feed.lastError}>
            <span className="feed-state">{feed.state}</span>
            <span className="feed-id">{feed.id}</span>
            <span className="feed-rate">{formatRate(feed.eventsPerSec)}</span>
            <span className="feed-count">{feed.alerts}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
