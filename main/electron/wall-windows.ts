/**
 * `--wall PROFILE`: the profile's playlist full screen, in kiosk mode, on
 * its display (or on every display when it names none), placed again when
 * displays come or go, with the displays kept from sleeping. Each window is a read-only wall client held to the
 * profile's TLP ceiling, exactly like a browser at serve mode's /wall.
 */
import { powerSaveBlocker, screen, type BrowserWindow } from 'electron';
import type { Core } from '../core/app';
import { scopedLogger } from '../core/log';
import { wallProfile } from '../core/wall-profiles';
import type { IpcTransport } from './ipc';
import { createWallWindow } from './window';

const log = scopedLogger('wall');

/** Opens the wall's windows; returns the function that lets the displays sleep again. */
export function openWallWindows(
  core: Core,
  ipc: IpcTransport,
  preload: string,
  profileName: string,
): () => void {
  const wall = wallProfile(core.config, profileName);
  if (!wall) throw new Error(`--wall ${profileName}: not a profile name`);
  if (!Object.prototype.hasOwnProperty.call(core.config.walls, wall.name)) {
    log.warn(`no wall profile "${wall.name}" is configured; playing the default one`);
  }
  let windows: BrowserWindow[] = [];
  const place = () => {
    const displays = screen.getAllDisplays();
    const chosen =
      wall.display === undefined
        ? displays
        : [displays[wall.display] ?? screen.getPrimaryDisplay()];
    // The new windows open before the old ones close: with no window left, the app would quit.
    const previous = windows;
    windows = chosen.map((display) => {
      const win = createWallWindow(preload, display.bounds, wall.name);
      ipc.attach(win, { name: `wall:${wall.name}@display-${display.id}`, readOnly: true, wall });
      return win;
    });
    for (const win of previous) if (!win.isDestroyed()) win.destroy();
    log.info(`wall ${wall.name} on ${chosen.length} display(s), TLP ceiling ${wall.tlpCeiling}`);
  };
  place();
  // A screen switched off and on again, or plugged elsewhere, gets its wall back where it is now.
  let settling: NodeJS.Timeout | undefined;
  const replace = () => {
    clearTimeout(settling);
    settling = setTimeout(place, DISPLAYS_SETTLE_MS);
  };
  for (const event of DISPLAY_EVENTS) screen.on(event as 'display-added', replace);
  const blocker = powerSaveBlocker.start('prevent-display-sleep');
  return () => {
    clearTimeout(settling);
    for (const event of DISPLAY_EVENTS) screen.off(event as 'display-added', replace);
    powerSaveBlocker.stop(blocker);
  };
}

/** Displays come and go in bursts (a TV waking up); the walls are placed once they have settled. */
const DISPLAYS_SETTLE_MS = 2000;
const DISPLAY_EVENTS = ['display-added', 'display-removed', 'display-metrics-changed'] as const;
