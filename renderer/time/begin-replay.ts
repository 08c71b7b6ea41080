/**
 * Starts a replay of a past window, trimmed to the stretch of it that holds
 * alerts: an empty evening before the first alert is not worth watching,
 * and "all" (from the epoch) would otherwise take years even at 1000x.
 */
import type { LagebildApi } from '../../shared/api';
import type { TimeRange } from '../route/route';
import { scopedLogger } from '../log';
import type { AppStore } from '../store/app-store';

const log = scopedLogger('replay');

/** The part of `range` from just before its oldest alert to its newest; undefined when it has none. */
export async function observedSpan(
  api: LagebildApi,
  range: TimeRange,
): Promise<TimeRange | undefined> {
  const [oldest, newest] = await Promise.all([
    api.call('listAlertsBetween', { after: range.from - 1, until: range.to, limit: 1 }),
    api.call('listRecentAlerts', { limit: 1, ...range }),
  ]);
  if (!oldest.ok || !newest.ok) {
    const problem = oldest.ok ? newest : oldest;
    if (!problem.ok) log.warn(`could not find the window's alerts: ${problem.error.message}`);
    return range;
  }
  const first = oldest.value[0]?.observedAt;
  const last = newest.value[0]?.observedAt;
  if (first === undefined || last === undefined) return undefined;
  // Just before the first alert, so that it arrives (and pulses) once the clock starts.
  const from = Math.max(range.from, first - 1);
  return { from, to: Math.max(from, Math.min(range.to, last)) };
}

/** Replays `range` at `speed`; false (and nothing started) when the window holds no alert. */
export async function beginReplay(
  api: LagebildApi,
  store: AppStore,
  range: TimeRange,
  { speed, loop }: { speed: number; loop: boolean },
): Promise<boolean> {
  const span = await observedSpan(api, range);
  if (!span) return false;
  store.getState().setRange(range);
  store.getState().startReplay({ ...span, speed, loop });
  return true;
}
