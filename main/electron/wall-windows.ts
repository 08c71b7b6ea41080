/**
 * `--wall PROFILE`: the profile's playlist full screen, in kiosk mode, on
 * its display (or on every display when it names none), with the displays
 * kept from sleeping. Each window is a read-only wall client held to the
 * profile's TLP ceiling, exactly like a browser at serve mode's /wall.
 */
import { powerSaveBlocker, screen } from 'electron';
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
  const displays = screen.getAllDisplays();
  const chosen =
    wall.display === undefined ? displays : [displays[wall.display] ?? screen.getPrimaryDisplay()];
  for (const display of chosen) {
    const win = createWallWindow(preload, display.bounds, wall.name);
    ipc.attach(win, { name: `wall:${wall.name}@display-${display.id}`, readOnly: true, wall });
  }
  const blocker = powerSaveBlocker.start('prevent-display-sleep');
  log.info(`wall ${wall.name} on ${chosen.length} display(s), TLP ceiling ${wall.tlpCeiling}`);
  return () => powerSaveBlocker.stop(blocker);
}
