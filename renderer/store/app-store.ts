import { createStore, type StoreApi } from 'zustand/vanilla';
import { createAlertsSlice } from './alerts-slice';
import type { AppState } from './app-state';
import { createConnectionSlice } from './connection-slice';
import { createIncidentsSlice } from './incidents-slice';
import { createLayersSlice } from './layers-slice';
import { createPictureSlice } from './picture-slice';
import { createTimeSlice } from './time-slice';
import { createToastsSlice } from './toasts-slice';

/** The renderer's store; usable without React (tests, the sync loop). */
export type AppStore = StoreApi<AppState>;

/** Creates a store from all slices. */
export function createAppStore(): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createPictureSlice(...args),
    ...createAlertsSlice(...args),
    ...createConnectionSlice(...args),
    ...createLayersSlice(...args),
    ...createIncidentsSlice(...args),
    ...createToastsSlice(...args),
    ...createTimeSlice(...args),
  }));
}
