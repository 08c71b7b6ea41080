import type { StateCreator } from 'zustand';
import type { Picture } from '../../shared/api';
import type { Alert } from '../../shared/model';
import type { TimeRange } from '../route/route';
import { MAX_ALERTS } from './alerts-slice';
import type { AppState } from './app-state';

/** The replay speeds an analyst picks from; a wall profile may name any speed up to 1000. */
export const REPLAY_SPEEDS = [1, 10, 60, 100, 1000] as const;

/** How far one step moves a replay, in replayed time. */
export const REPLAY_STEP_MS = 60_000;

/** A past window played back: its replayed clock runs at `speed` times real time. */
export interface ReplayState {
  from: number;
  to: number;
  /** The replayed clock: the picture shows what was observed in [from, at]. */
  at: number;
  speed: number;
  playing: boolean;
  /** Starts over at `from` once `to` is reached; otherwise pauses there. */
  loop: boolean;
  /**
   * Counts jumps of the clock (start, scrub, loop): after a jump the picture
   * is fetched anew instead of adding the alerts in between as fresh arrivals.
   */
  jumps: number;
}

/** What is shown: live, a past window, or a replay of one. */
export type TimeMode = 'live' | 'window' | 'replay';

/** The time the picture shows, and the replay's clock and controls. */
export interface TimeSlice {
  /** The past window shown; undefined while live. */
  range: TimeRange | undefined;
  replay: ReplayState | undefined;
  /** Shows a past window, or live for undefined; any replay stops. The same window again changes nothing. */
  setRange(range: TimeRange | undefined): void;
  startReplay(replay: Pick<ReplayState, 'from' | 'to' | 'speed' | 'loop'>): void;
  stopReplay(): void;
  setPlaying(playing: boolean): void;
  setReplaySpeed(speed: number): void;
  /** Moves the replayed clock on by `replayedMs` (a tick or a step); at the end it loops or pauses. */
  advanceReplay(replayedMs: number): void;
  /** Jumps the replayed clock to `at`, kept inside the window. */
  seekReplay(at: number): void;
  /** Replaces the picture and the alerts with those of a past window (none are fresh arrivals). */
  showHistory(picture: Picture, alerts: Alert[]): void;
  /** Empties the picture's alerts, before the live ones are fetched again. */
  clearAlerts(): void;
  /**
   * Feed health and the cache's state are of now in every mode: a live delta
   * updates them under a past picture too.
   */
  showLiveHealth(health: Pick<Picture, 'feeds' | 'cache'>): void;
}

/** Which time the state shows. */
export function timeModeOf(state: Pick<TimeSlice, 'range' | 'replay'>): TimeMode {
  if (state.replay) return 'replay';
  return state.range ? 'window' : 'live';
}

const sameRange = (a: TimeRange | undefined, b: TimeRange | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.from === b.from && a.to === b.to);

const clampTo = (at: number, { from, to }: TimeRange) => Math.min(to, Math.max(from, at));

/** Creates the time slice: live, no replay. */
export const createTimeSlice: StateCreator<AppState, [], [], TimeSlice> = (set, get) => ({
  range: undefined,
  replay: undefined,
  setRange: (range) => {
    const current = get();
    if (sameRange(current.range, range)) return;
    set({ range, replay: undefined });
  },
  startReplay: ({ from, to, speed, loop }) =>
    set(({ replay }) => ({
      replay: { from, to, at: from, speed, loop, playing: true, jumps: (replay?.jumps ?? 0) + 1 },
    })),
  stopReplay: () => set({ replay: undefined }),
  setPlaying: (playing) => set(({ replay }) => (replay ? { replay: { ...replay, playing } } : {})),
  setReplaySpeed: (speed) => set(({ replay }) => (replay ? { replay: { ...replay, speed } } : {})),
  advanceReplay: (replayedMs) =>
    set(({ replay }) => {
      if (!replay || replayedMs <= 0) return {};
      const at = replay.at + replayedMs;
      if (at < replay.to) return { replay: { ...replay, at } };
      // At the end: the last stretch is shown first; the next advance starts over.
      if (replay.at >= replay.to && replay.loop) {
        return { replay: { ...replay, at: replay.from, jumps: replay.jumps + 1 } };
      }
      return { replay: { ...replay, at: replay.to, playing: replay.loop && replay.playing } };
    }),
  seekReplay: (at) =>
    set(({ replay }) =>
      replay ? { replay: { ...replay, at: clampTo(at, replay), jumps: replay.jumps + 1 } } : {},
    ),
  showHistory: (picture, alerts) => {
    const { generatedAt, stats, arcs, feeds, withheld, cache } = picture;
    set({
      generatedAt,
      stats,
      arcs,
      feeds,
      withheld,
      cache,
      alerts: [...alerts].sort((a, b) => b.observedAt - a.observedAt).slice(0, MAX_ALERTS),
      arrivedAt: {},
    });
  },
  clearAlerts: () => set({ alerts: [], arrivedAt: {} }),
  showLiveHealth: ({ feeds, cache }) => set({ feeds, cache }),
});
