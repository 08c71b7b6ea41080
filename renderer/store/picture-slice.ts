import type { StateCreator } from 'zustand';
import type { Arc, FeedHealth, Picture, Stats } from '../../shared/api';
import type { CacheState } from '../../shared/cache';
import type { AppState } from './app-state';

/** The aggregates the main process computes: totals, map arcs and feed health. */
export interface PictureSlice {
  /** When main computed the picture shown; 0 before the first one. */
  generatedAt: number;
  stats: Stats;
  arcs: Arc[];
  feeds: FeedHealth[];
  /** Alerts kept from this screen by its TLP ceiling. */
  withheld: number;
  /** Whether the cache takes writes; undefined before the first picture. */
  cache: CacheState | undefined;
  /** Shows a picture unless a newer one is already shown (answers and deltas may cross). */
  applyPicture(picture: Picture): void;
}

const EMPTY_STATS: Stats = {
  alerts: 0,
  quarantined: 0,
  byKind: {},
  bySeverity: {},
  byCountry: {},
  byTargetCountry: {},
  bySector: {},
  byTlp: {},
  byFeed: {},
  incidents: 0,
  byStatus: {},
};

/** Creates the picture slice, empty until the first picture arrives. */
export const createPictureSlice: StateCreator<AppState, [], [], PictureSlice> = (set, get) => ({
  generatedAt: 0,
  stats: EMPTY_STATS,
  arcs: [],
  feeds: [],
  withheld: 0,
  cache: undefined,
  applyPicture: (picture) => {
    if (picture.generatedAt < get().generatedAt) return;
    const { generatedAt, stats, arcs, feeds, withheld, cache } = picture;
    set({ generatedAt, stats, arcs, feeds, withheld, cache });
  },
});
