import type { AlertsSlice } from './alerts-slice';
import type { ConnectionSlice } from './connection-slice';
import type { IncidentsSlice } from './incidents-slice';
import type { LayersSlice } from './layers-slice';
import type { PictureSlice } from './picture-slice';
import type { TimeSlice } from './time-slice';
import type { ToastsSlice } from './toasts-slice';

/** The whole renderer state: one slice per domain. */
export type AppState = PictureSlice &
  AlertsSlice &
  ConnectionSlice &
  LayersSlice &
  IncidentsSlice &
  ToastsSlice &
  TimeSlice;
