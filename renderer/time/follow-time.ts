/**
 * Keeps the picture in step with the time the store shows. A past window is
 * fetched once (picture and newest alerts of the window); a replay step by
 * step as its clock runs (replay-steps.ts); going back to live empties the
 * window's alerts and asks for the live picture again.
 */
import type { LagebildApi } from '../../shared/api';
import type { TimeRange } from '../route/route';
import { scopedLogger } from '../log';
import type { AppStore } from '../store/app-store';
import type { AppState } from '../store/app-state';
import { timeModeOf } from '../store/time-slice';
import { runReplayClock } from './replay-clock';
import { createReplaySteps } from './replay-steps';
import { showWindow } from './show-window';

const log = scopedLogger('time');

/** What the connection's (re)seeding asks of the follower. */
export interface TimeFollower {
  /** Fetches the past picture shown again (after a reconnection). */
  reload(): Promise<void>;
}

/** Starts following the store's time for the life of the page; `seedLive` fetches the live picture. */
export function followTime(
  api: LagebildApi,
  store: AppStore,
  seedLive: () => Promise<void>,
): TimeFollower {
  // Bumped whenever what is shown changes: answers asked for before are dropped.
  let generation = 0;
  const replaySteps = createReplaySteps(api, store, () => generation);

  const loadWindow = (range: TimeRange, asked: number) =>
    showWindow(api, store, range, {
      stillWanted: () => asked === generation,
      warn: (problem) => log.warn(problem),
    });

  const load = async (state: AppState) => {
    generation += 1;
    replaySteps.forget();
    const mode = timeModeOf(state);
    if (mode === 'replay') return replaySteps.sync();
    if (mode === 'window' && state.range) return loadWindow(state.range, generation);
    state.clearAlerts();
    return seedLive();
  };

  store.subscribe((state, previous) => {
    const modeChanged = timeModeOf(state) !== timeModeOf(previous);
    if (modeChanged || state.range !== previous.range) void load(state);
    else if (state.replay !== previous.replay) replaySteps.sync();
  });
  runReplayClock(store);
  return { reload: () => load(store.getState()) };
}
