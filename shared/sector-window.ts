/** The sector view's window when none is chosen (a link, a call, a wall profile): a day, in minutes. */
export const DEFAULT_SECTOR_WINDOW_MINUTES = 24 * 60;
