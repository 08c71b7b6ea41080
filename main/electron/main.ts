/**
 * The Electron entry point, kept thin: one instance per user data
 * directory, feed secrets from the system keystore, the core started
 * exactly as serve mode starts it, one hardened window talking to it over
 * IPC (or, with --wall, kiosk windows playing a wall profile), native
 * notifications of new incidents, optional updates, and a clean close of
 * the cache.
 */
import { app, dialog, safeStorage, session } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startCore, type Core } from '../core/app';
import { scopedLogger } from '../core/log';
import { appRoot, userDataDir } from '../core/paths';
import { parseLaunchArgs } from './args';
import { loadSecrets, secretsFile, storeSecret } from './secret-store';
import { announceNewIncidents } from './notifications';
import { openWallWindows } from './wall-windows';
import { DESKTOP_CLIENT, wireIpc } from './ipc';
import { installAppMenu } from './menu';
import { setUpShellLogging } from './logging';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenContents, hardenSession } from './security';
import { claimSingleInstance } from './single-instance';
import { startUpdates } from './updater';
import { appWindows, createMainWindow, focusWindow } from './window';

const log = scopedLogger('desktop');

// Electron's default user data directory for this name is the one the core uses;
// setting it from the core keeps LAGEBILD_HOME (and its single-instance lock) in step.
app.setName('Lagebild');
mkdirSync(userDataDir(), { recursive: true });
app.setPath('userData', userDataDir());
setUpShellLogging();
registerAppScheme();

if (claimSingleInstance(focusFirstWindow)) {
  start().catch(failToStart);
} else {
  log.info('another Lagebild is running for this user data directory; handing over');
  app.quit();
}

async function start(): Promise<void> {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  await app.whenReady();
  // Parsed once ready, so that a mistake is shown in a dialog on every platform.
  const launch = parseLaunchArgs(process.argv, process.cwd());
  const secrets = secretsFile(app.getPath('userData'));
  if (launch.storeSecret) {
    storeSecret(secrets, launch.storeSecret, await readStandardInput(), safeStorage);
    process.stdout.write(`stored secret ${launch.storeSecret}, encrypted, in ${secrets}\n`);
    app.exit(0);
    return;
  }
  const loaded = loadSecrets(secrets, process.env, safeStorage);
  if (loaded.set.length > 0) log.info(`secrets from the keystore: ${loaded.set.join(', ')}`);
  if (loaded.unreadable.length > 0) {
    log.warn(`secrets that cannot be decrypted here: ${loaded.unreadable.join(', ')}`);
  }
  hardenSession(session.defaultSession);
  const root = appRoot();
  serveRenderer(join(root, 'dist', 'renderer'));

  const core = await startCore({
    cachePath: launch.cachePath,
    configPath: launch.configPath,
    readOnly: launch.readOnly ?? false,
    userDataDir: app.getPath('userData'),
  });
  installAppMenu();
  const ipc = wireIpc(core.endpoint);
  const stopUpdates = startUpdates(core.config.updates);
  const preload = join(root, 'dist', 'main', 'electron', 'preload.cjs');
  const openAnalystWindow = () => ipc.attach(createMainWindow(preload), DESKTOP_CLIENT);
  // A wall is watched by a room, not a user at a desk: it announces nothing of its own.
  let stopWindows: () => void;
  if (launch.wall) {
    stopWindows = openWallWindows(core, ipc, preload, launch.wall);
  } else {
    openAnalystWindow();
    stopWindows = announceNewIncidents(core, focusFirstWindow);
  }
  log.info(`desktop started (Electron ${process.versions.electron})`);

  app.on('activate', () => {
    // macOS keeps the app alive without windows; the dock icon brings one back.
    if (appWindows().length === 0 && !launch.wall) openAnalystWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  closeOnQuit(core, () => {
    stopUpdates();
    stopWindows();
    ipc.close();
  });
}

/** Holds the quit until the core has closed its cache, then exits. */
function closeOnQuit(core: Core, detach: () => void): void {
  let closing = false;
  app.on('will-quit', (event) => {
    event.preventDefault();
    if (closing) return;
    closing = true;
    detach();
    core.close().then(
      () => app.exit(0),
      (error: unknown) => {
        log.error(`closing the core failed: ${(error as Error).message}`);
        app.exit(1);
      },
    );
  });
  // Service managers and terminals stop the app with signals; close it the same way.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
}

/** Everything piped to the app, without its final line break: a secret is never an argument. */
async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function focusFirstWindow(): void {
  const [first] = appWindows();
  if (first) focusWindow(first);
}

function failToStart(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  log.error(`desktop could not start: ${error instanceof Error ? error.stack : message}`);
  dialog.showErrorBox('Lagebild could not start', message);
  app.exit(1);
}
