/**
 * Fetches what a replay shows as its clock moves. A step asks for the alerts
 * observed since the last step (they pulse on the map as fresh arrivals);
 * the picture of [from, clock] (arcs and counts so far) is asked for every
 * REPLAY_PICTURE_MS while it plays, and at once when it pauses or is
 * stepped by hand. After a jump of
 * the clock (start, scrub, loop) the picture and the newest alerts up to the
 * clock are fetched anew instead, none of them pulsing. One request is out
 * at a time; a clock that moved on meanwhile is caught up in one step.
 */
import type { LagebildApi } from '../../shared/api';
import { scopedLogger } from '../log';
import type { AppStore } from '../store/app-store';
import type { ReplayState } from '../store/time-slice';
import { showWindow } from './show-window';

const log = scopedLogger('replay');

/** Alerts fetched per step at most: they are the pulses; the counts come from the picture. */
const STEP_ALERTS = 1000;

/**
 * Real time between two pictures of a playing replay. The main side counts
 * the whole window [from, clock] for each (a tenth of a second for half a
 * day): every tick would keep it busy for little the eye can follow.
 */
export const REPLAY_PICTURE_MS = 3000;

/** Where the fetched alerts and picture stand. */
interface Fetched {
  generation: number;
  jumps: number;
  /** The clock the alerts were fetched up to. */
  at: number;
  /** The clock the picture shows. */
  pictureAt: number;
  /** When (real time) that picture was asked for. */
  pictureAskedAt: number;
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

  const reseed = (replay: ReplayState, asked: number) =>
    showWindow(
      api,
      store,
      { from: replay.from, to: replay.at },
      { stillWanted: () => stillShown(asked, replay), warn },
    );

  const refreshPicture = async (replay: ReplayState, asked: number) => {
    const picture = await api.call('getPicture', { from: replay.from, to: replay.at });
    if (!stillShown(asked, replay)) return;
    if (picture.ok) store.getState().applyPicture(picture.value);
    else warn(`getPicture failed: ${picture.error.message}`);
  };

  const addStep = async (replay: ReplayState, after: number, asked: number) => {
    const added = await api.call('listAlertsBetween', {
      after,
      until: replay.at,
      limit: STEP_ALERTS,
    });
    if (!stillShown(asked, replay)) return;
    if (added.ok) store.getState().receiveAlerts(added.value, Date.now());
    else warn(`listAlertsBetween failed: ${added.error.message}`);
  };

  /** What the replay needs fetched now; nothing when it is up to date. */
  const due = (replay: ReplayState, asked: number) => {
    if (fetched?.generation !== asked || fetched.jumps !== replay.jumps) return 'reseed';
    const alerts = replay.at > fetched.at;
    // A paused replay shows its clock's picture at once; a playing one every few seconds.
    const picture =
      replay.at > fetched.pictureAt &&
      (!replay.playing || Date.now() - fetched.pictureAskedAt >= REPLAY_PICTURE_MS);
    if (!alerts && !picture) return undefined;
    return { alerts, picture, after: fetched.at };
  };

  const sync = async (): Promise<void> => {
    const replay = store.getState().replay;
    if (busy || !replay) return;
    const asked = generation();
    const work = due(replay, asked);
    if (!work) return;
    const askedAt = Date.now();
    busy = true;
    try {
      if (work === 'reseed') await reseed(replay, asked);
      else {
        await Promise.all([
          work.alerts ? addStep(replay, work.after, asked) : undefined,
          work.picture ? refreshPicture(replay, asked) : undefined,
        ]);
      }
    } finally {
      busy = false;
    }
    // Even a failed step counts as done, so that a failing server is asked once per tick.
    if (stillShown(asked, replay)) {
      const pictured = work === 'reseed' || work.picture;
      fetched = {
        generation: asked,
        jumps: replay.jumps,
        at: replay.at,
        pictureAt: pictured ? replay.at : fetched!.pictureAt,
        pictureAskedAt: pictured ? askedAt : fetched!.pictureAskedAt,
      };
    }
    void sync();
  };

  return {
    sync: () => void sync(),
    forget: () => {
      fetched = undefined;
    },
  };
}
