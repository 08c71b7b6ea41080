/** The IPC channel names, shared by the preload script and the main process. */

/** Renderer to main: one API call, answered with an ApiResult. */
export const CALL_CHANNEL = 'lagebild:call';

/** Main to renderer: one core event, sent as (name, data). */
export const EVENT_CHANNEL = 'lagebild:event';
