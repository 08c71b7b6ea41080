/**
 * The app's windows: sandboxed, context-isolated renderers with only the
 * preload's `window.lagebild`, loaded from the app scheme, and a registry
 * the IPC layer uses to recognise them.
 */
import {
  BrowserWindow,
  type BrowserWindowConstructorOptions,
  type Rectangle,
  type WebContents,
} from 'electron';
import { scopedLogger } from '../core/log';
import { APP_INDEX_URL, appWallUrl } from './app-url';
import { logRendererConsole } from './logging';

const log = scopedLogger('window');

/** The renderer's background, painted before the first frame so no white flashes. */
const BACKGROUND_COLOR = '#0b0f14';

const windows = new Set<BrowserWindow>();

/** The windows this app created that are still open. */
export function appWindows(): BrowserWindow[] {
  return [...windows];
}

/** True when the web contents belong to a window this app created. */
export function isAppWindowContents(contents: WebContents): boolean {
  const owner = BrowserWindow.fromWebContents(contents);
  return owner !== null && windows.has(owner);
}

/** Opens a main window with the given preload script and loads the renderer. */
export function createMainWindow(preload: string): BrowserWindow {
  return openWindow(
    preload,
    { title: 'Lagebild', width: 1440, height: 900, minWidth: 960, minHeight: 600 },
    APP_INDEX_URL,
  );
}

/**
 * Opens a wall window filling `area` (a display's bounds) in kiosk mode:
 * no frame, no menu, nothing to close by accident. A renderer that crashes
 * is reloaded, so an unattended wall comes back by itself.
 */
export function createWallWindow(preload: string, area: Rectangle, profile: string): BrowserWindow {
  const win = openWindow(
    preload,
    {
      title: `Lagebild wall ${profile}`,
      ...area,
      kiosk: true,
      fullscreen: true,
      frame: false,
      autoHideMenuBar: true,
    },
    appWallUrl(profile),
  );
  win.webContents.on('render-process-gone', () => {
    setTimeout(() => {
      if (!win.isDestroyed()) win.webContents.reload();
    }, WALL_RELOAD_DELAY_MS);
  });
  win.webContents.on('unresponsive', () => {
    log.warn(`wall ${profile} stopped responding; reloading`);
    win.webContents.forcefullyCrashRenderer();
  });
  return win;
}

/** How long a crashed wall waits before it reloads (a crash loop must not spin the CPU). */
const WALL_RELOAD_DELAY_MS = 3000;

function openWindow(
  preload: string,
  options: BrowserWindowConstructorOptions,
  url: string,
): BrowserWindow {
  const win = new BrowserWindow({
    ...options,
    show: false,
    backgroundColor: BACKGROUND_COLOR,
    // Electron removed the remote module in version 14; there is nothing left to switch off.
    webPreferences: {
      // Reviewed for electronegativity's PRELOAD_JS_CHECK: the preload exposes only small
      // named APIs through the context bridge (see preload.ts), never ipcRenderer.
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // A middle click would otherwise try to open the link in a new window.
      disableBlinkFeatures: 'Auxclick',
      // Spell checking would fetch dictionaries from Google's servers.
      spellcheck: false,
    },
  });
  windows.add(win);
  win.on('closed', () => windows.delete(win));
  win.once('ready-to-show', () => win.show());
  watchRenderer(win.webContents);
  win.loadURL(url).catch((error: unknown) => {
    log.error(`could not load the renderer: ${(error as Error).message}`);
  });
  return win;
}

/** Brings a window to the front, restoring it when minimised. */
export function focusWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

function watchRenderer(contents: WebContents): void {
  contents.on('console-message', (event) => {
    logRendererConsole(event.level, event.message, `${event.sourceId}:${event.lineNumber}`);
  });
  contents.on('render-process-gone', (_event, details) => {
    log.error(`renderer gone: ${details.reason} (exit code ${details.exitCode})`);
  });
  contents.on('preload-error', (_event, path, error) => {
    log.error(`preload ${path} failed: ${error.message}`);
  });
}
