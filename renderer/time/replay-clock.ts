/**
 * Runs a replay's clock: while it plays, every REPLAY_TICK_MS of real time
 * moves the replayed clock on by the real time that passed times the speed
 * (timers run late under load; the replay keeps to real time regardless).
 */
import type { AppStore } from '../store/app-store';

/** Real time between two steps of a playing replay. */
export const REPLAY_TICK_MS = 500;

/** Starts following the store's replay; returns the function that stops it. */
export function runReplayClock(store: AppStore): () => void {
  let timer: ReturnType<typeof setInterval> | undefined;
  let last = 0;
  const tick = () => {
    const now = Date.now();
    const replay = store.getState().replay;
    if (replay) store.getState().advanceReplay((now - last) * replay.speed);
    last = now;
  };
  const follow = () => {
    const playing = store.getState().replay?.playing === true;
    if (playing && timer === undefined) {
      last = Date.now();
      timer = setInterval(tick, REPLAY_TICK_MS);
    } else if (!playing && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
  const unsubscribe = store.subscribe(follow);
  follow();
  return () => {
    unsubscribe();
    if (timer !== undefined) clearInterval(timer);
  };
}
