/**
 * Time travel as the API runs it, timed on a filled cache: the picture of
 * the day before the newest alert (for an analyst, and for a wall with a
 * TLP ceiling, which also counts what it withholds), the newest 1000
 * alerts observed in that day, and a replay's one-minute step. The
 * generated alerts span less than a day, so the day's statistics come from
 * the total rollups; the picture of the newest six hours sums the
 * per-minute rollups of a part of the cache, the slower path.
 */
import { DeltaPublisher } from '../main/core/delta-publisher';
import { FeedHealthBook } from '../main/core/feed-health';
import type { AlertCache } from '../main/store/alert-cache';
import { timeRuns, type Timing } from './stats';

const DAY_MS = 24 * 3600 * 1000;
const MINUTE_MS = 60_000;

/** The largest page of alerts a replay step may ask for, as the API allows it. */
export const STEP_LIMIT = 5000;

/** The timings of the windowed queries. */
export interface WindowTimings {
  dayPicture: Timing;
  dayPictureWall: Timing;
  sixHourPicture: Timing;
  dayAlerts: Timing;
  minuteStep: Timing;
  /** How many alerts the timed one-minute step returned. */
  minuteStepAlerts: number;
}

/** Times each windowed query `runs` times on `cache`. */
export function windowRun(cache: AlertCache, runs: number): WindowTimings {
  const [newest] = cache.recentAlerts(1);
  if (!newest) throw new Error(`the cache ${cache.file} has no alerts to time`);
  const day = { from: newest.observedAt - DAY_MS, to: newest.observedAt };
  const sixHours = { from: newest.observedAt - DAY_MS / 4, to: newest.observedAt };
  // A step in the middle of the data, where a replay is busiest.
  const middle = Math.round((cache.firstObserved() + newest.observedAt) / 2);
  const step = { after: middle, until: middle + MINUTE_MS };
  const publisher = new DeltaPublisher(
    cache,
    new FeedHealthBook(),
    () => {},
    () => ({
      state: 'ok',
    }),
  );
  try {
    return {
      dayPicture: timeRuns(runs, () => publisher.windowPicture(day)),
      dayPictureWall: timeRuns(runs, () => publisher.windowPicture(day, 'green')),
      sixHourPicture: timeRuns(runs, () => publisher.windowPicture(sixHours)),
      dayAlerts: timeRuns(runs, () => cache.alertsObserved(day, 1000)),
      minuteStep: timeRuns(runs, () => cache.alertsBetween(step, STEP_LIMIT)),
      minuteStepAlerts: cache.alertsBetween(step, STEP_LIMIT).length,
    };
  } finally {
    publisher.stop();
  }
}
