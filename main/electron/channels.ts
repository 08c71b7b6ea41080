/** The IPC channel names, shared by the preload script and the main process. */

/** Renderer to main: one API call, answered with an ApiResult. */
export const CALL_CHANNEL = 'lagebild:call';

/** Main to renderer: one core event, sent as (name, data). */
export const EVENT_CHANNEL = 'lagebild:event';

/** Renderer to main: save a PNG of the sending window under a suggested file name. */
export const SNAPSHOT_SAVE_CHANNEL = 'lagebild:snapshot-save';

/** Main to renderer: the app menu asks for a PNG of the current view. */
export const SNAPSHOT_REQUEST_CHANNEL = 'lagebild:snapshot-request';
