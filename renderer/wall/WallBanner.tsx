/**
 * What the room must notice: the link to Lagebild lost, a feed down, or a
 * feed silent for longer than it should be, each named. Gone by itself
 * once things are back.
 */
import type { ReactElement } from 'react';
import type { FeedHealth } from '../../shared/api';
import { cacheBanner } from '../settings/cache-text';
import { useAppStore } from '../store/use-app-store';

function silence(ms: number | undefined): string {
  if (ms === undefined) return '';
  const minutes = Math.round(ms / 60_000);
  return minutes < 1
    ? ' for under a minute'
    : minutes < 120
      ? ` for ${minutes} min`
      : ` for ${Math.round(minutes / 60)} h`;
}

function problem(feed: FeedHealth): string | undefined {
  if (feed.state === 'down')
    return `${feed.id} is down${feed.lastError ? `: ${feed.lastError}` : ''}`;
  if (feed.stale) return `${feed.id} silent${silence(feed.silentForMs)}`;
  return undefined;
}

/** The banner; `notes` come first (what the wall was asked and could not do). */
export function WallBanner({ notes = [] }: { notes?: readonly string[] }): ReactElement | null {
  const connection = useAppStore((state) => state.connection.state);
  const feeds = useAppStore((state) => state.feeds);
  const cache = useAppStore((state) => state.cache);
  const problems = feeds.map(problem).filter((text): text is string => text !== undefined);
  const cacheProblem = cache && cacheBanner(cache);
  if (cacheProblem) problems.unshift(cacheProblem.text);
  if (connection !== 'open') problems.unshift('Connection to Lagebild lost: reconnecting');
  problems.unshift(...notes);
  if (problems.length === 0) return null;
  return (
    <div className="wall-banner" role="alert" data-testid="wall-banner">
      {problems.map((text) => (
        <span key={text}>{text}</span>
      ))}
    </div>
  );
}
