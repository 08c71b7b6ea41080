import type { AlertsSlice } from './alerts-slice';
import type { ConnectionSlice } from './connection-slice';
import type { LayersSlice } from './layers-slice';
import type { PictureSlice } from './picture-slice';

/** The whole renderer state: one slice per domain. */
export type AppState = PictureSlice & AlertsSlice & ConnectionSlice & LayersSlice;
