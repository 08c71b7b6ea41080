/**
 * Fetches what a replay shows as its clock moves. A step asks for the alerts
 * observed since the last step (they pulse on the map as fresh arrivals) and
 * for the picture of [from, clock] (arcs and counts so far). After a jump of
 * the clock (start, scrub, loop) the picture and the newest alerts up to the
 * clock are fetched anew instead, none of them pulsing. One request is out
 * at a time; a clock that moved on meanwhile is caught up in one step.
 */
import type { LagebildApi } from '../../shared/api';
import { scopedLogger } from '../log';
import { MAX_ALERTS } from '../store/alerts-slice';
import type { AppStore } from '../store/app-store';
import type { ReplayState } from '../store/time-slice';

const log = scopedLogger('replay');

/** Alerts fetched per step at most: they are the pulses; the counts come from the picture. */
const STEP_ALERTS = 1000;

/** Where the fetched picture stands. */
interface Fetched {
  generation: number;
  jumps: number;
  at: number;
}

/** Keeps a replay's picture fetched; `generation` changes whenever what is shown changes. */
export function createReplaySteps(
  api: LagebildApi,
  store: AppStore,
  generation: () => number,
): { sync(): void; forget(): void } {
  let fetched: Fetched | undefined;
  let busy = false;
  let lastProblem: string | undefined;

  const warn = (problem: string) => {
    // Once per kind of failure, not every half second.
    if (problem !== lastProblem) log.warn(problem);
    lastProblem = problem;
  };
  const stillShown = (asked: number, replay: ReplayState) =>
    asked === generation() && store.getState().replay?.jumps === replay.jumps;

  const reseed = async (replay: ReplayState, asked: number) => {
    const range = { from: replay.from, to: replay.at };
    const [picture, alerts] = await Promise.all([
      api.call('getPicture', range),
      api.call('listRecentAlerts', { limit: MAX_ALERTS, ...range }),
    ]);
    if (!stillShown(asked, replay)) return;
    if (!alerts.ok) warn(`listRecentAlerts failed: ${alerts.error.message}`);
    if (picture.ok) store.getState().showHistory(picture.value, alerts.ok ? alerts.value : []);
    else warn(`getPicture failed: ${picture.error.message}`);
  };

  const step = async (replay: ReplayState, after: number, asked: number) => {
    const [added, picture] = await Promise.all([
      api.call('listAlertsBetween', { after, until: replay.at, limit: STEP_ALERTS }),
      api.call('getPicture', { from: replay.from, to: replay.at }),
    ]);
    if (!stillShown(asked, replay)) return;
    if (picture.ok) store.getState().applyPicture(picture.value);
    else warn(`getPicture failed: ${picture.error.message}`);
    if (added.ok) store.getState().receiveAlerts(added.value, Date.now());
    else warn(`listAlertsBetween failed: ${added.error.message}`);
  };

  const sync = async (): Promise<void> => {
    const replay = store.getState().replay;
    if (busy || !replay) return;
    const asked = generation();
    const jumped = fetched?.generation !== asked || fetched.jumps !== replay.jumps;
    if (!jumped && replay.at <= fetched!.at) return;
    busy = true;
    try {
      if (jumped) await reseed(replay, asked);
      else await step(replay, fetched!.at, asked);
    } finally {
      busy = false;
    }
    // Even a failed step counts as done, so that a failing server is asked once per tick.
    if (stillShown(asked, replay))
      fetched = { generation: asked, jumps: replay.jumps, at: replay.at };
    void sync();
  };

  return {
    sync: () => void sync(),
    forget: () => {
      fetched = undefined;
    },
  };
}
