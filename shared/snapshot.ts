/**
 * A PNG of a view for a report: its file name, which carries the view and
 * the UTC minute (lagebild-map-2026-12-04T0912Z.png), and the bridge the
 * Electron preload offers for saving one. The page names the file, the main
 * process checks the name before it offers it in a save dialog.
 */

/** The most characters of the view part of a name. */
const MAX_VIEW_CHARS = 60;

/** A saved PNG's name: lagebild-<view>-<yyyy-mm-dd>T<hhmm>Z.png, the view in lower-case words. */
const SNAPSHOT_FILE_NAME = /^lagebild-[a-z0-9]+(?:-[a-z0-9]+)*-\d{4}-\d{2}-\d{2}T\d{4}Z\.png$/;

/** `text` as lower-case words joined by hyphens, e.g. "Region europe" → "region-europe". */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_VIEW_CHARS)
    .replace(/^-+|-+$/g, '');
}

/** The file name of a PNG of `view` taken at `at`, in UTC to the minute. */
export function snapshotFileName(view: string, at: Date): string {
  const minute = at.toISOString().slice(0, 16).replace(':', '');
  return `lagebild-${slug(view) || 'view'}-${minute}Z.png`;
}

/** True when `name` is a file name `snapshotFileName` could have made: no path, no odd characters. */
export function isSnapshotFileName(name: unknown): name is string {
  return (
    typeof name === 'string' && name.length <= MAX_VIEW_CHARS + 40 && SNAPSHOT_FILE_NAME.test(name)
  );
}

/** How saving a PNG through the desktop app ended. */
export type SnapshotOutcome = 'saved' | 'cancelled' | 'failed';

/** `window.lagebildSnapshot`: what the Electron preload offers for PNGs; absent in a browser. */
export interface SnapshotBridge {
  /** Captures the window's exact pixels and saves them, offering `fileName`. */
  savePng(fileName: string): Promise<SnapshotOutcome>;
  /** Calls `handler` when the app menu asks for a PNG of the current view; returns the unsubscribe. */
  onRequest(handler: () => void): () => void;
}
