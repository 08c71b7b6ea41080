/**
 * The sign that the picture is a replay, never to be mistaken for live: the
 * word REPLAY, the speed, and the replayed date and time in each zone given
 * (the analyst's UTC and local time, a wall's clocks).
 */
import type { ReactElement } from 'react';
import { useAppStore } from '../store/use-app-store';
import { formatInstant } from './time-format';

/** A zone the replayed time is shown in; the browser's own zone when `timeZone` is undefined. */
export interface BadgeZone {
  label: string;
  timeZone?: string;
}

/** The analyst's zones: UTC first, as the alerts' sources write it, then the local time. */
export const ANALYST_ZONES: readonly BadgeZone[] = [
  { label: 'UTC', timeZone: 'UTC' },
  { label: 'local' },
];

export function ReplayBadge({
  zones,
  className = '',
}: {
  zones: readonly BadgeZone[];
  className?: string;
}): ReactElement | null {
  const replay = useAppStore((state) => state.replay);
  if (!replay) return null;
  return (
    <div
      className={`replay-badge ${className}`}
      role="status"
      data-testid="replay-badge"
      data-replay-at={replay.at}
      data-playing={replay.playing}
    >
      <span className="replay-word">
        REPLAY <span className="replay-speed">{replay.speed}×</span>
        {!replay.playing && <span className="replay-paused"> paused</span>}
      </span>
      <span className="replay-times">
        {zones.map((zone, i) => (
          <span key={`${i}:${zone.label}`} className="replay-time">
            <time dateTime={new Date(replay.at).toISOString()}>
              {formatInstant(replay.at, zone.timeZone)}
            </time>{' '}
            <span className="replay-zone">{zone.label}</span>
          </span>
        ))}
      </span>
    </div>
  );
}
