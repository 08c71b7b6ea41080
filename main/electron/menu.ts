/**
 * The application menu. File > Open cache read-only… lets an analyst
 * review another cache file (a colleague's, last month's) without feeds
 * and without changing it: the app starts again on that file with
 * `--read-only`, which closes the current cache cleanly first.
 */
import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { scopedLogger } from '../core/log';
import { readOnlyRelaunchArgs } from './args';
import { requestSnapshot } from './snapshot';

const log = scopedLogger('desktop');

/** Asks for a cache file and restarts the app on it, read-only. */
async function openCacheReadOnly(): Promise<void> {
  const chosen = await dialog.showOpenDialog({
    title: 'Open an alert cache read-only',
    properties: ['openFile'],
    filters: [
      { name: 'Lagebild caches', extensions: ['sqlite', 'db'] },
      { name: 'All files', extensions: ['*'] },
    ],
  });
  const file = chosen.filePaths[0];
  if (chosen.canceled || !file) return;
  log.info(`restarting to review ${file} read-only`);
  app.relaunch({ args: readOnlyRelaunchArgs(process.argv, file) });
  app.quit();
}

/** The File menu. */
export function fileMenu(): MenuItemConstructorOptions {
  return {
    label: 'File',
    submenu: [
      {
        label: 'Open cache read-only…',
        click: () => {
          openCacheReadOnly().catch((error: Error) =>
            log.error(`opening a cache read-only failed: ${error.message}`),
          );
        },
      },
      // The page names the file and takes the same path as its PNG button; no
      // Shift+P accelerator here, or a capital P could not be typed in fields.
      { label: 'Save PNG of this view…', click: (_item, window) => requestSnapshot(window) },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
}

/**
 * Sets the application menu: File, then Electron's standard Edit and
 * Window menus. Its View menu is left out: it offers the developer tools.
 */
export function installAppMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([fileMenu(), { role: 'editMenu' }, { role: 'windowMenu' }]),
  );
}
