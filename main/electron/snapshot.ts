/**
 * PNGs of app windows with their exact pixels (webContents.capturePage),
 * asked for by the page through the preload, or by the app menu, which
 * only asks the page: the page knows which view it shows and names the file.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { app, BrowserWindow, dialog, type BaseWindow, type WebContents } from 'electron';
import type { SnapshotOutcome } from '../../shared/snapshot';
import type { ClientContext } from '../core/api-types';
import { scopedLogger } from '../core/log';
import { SNAPSHOT_REQUEST_CHANNEL } from './channels';
import { planSnapshot } from './snapshot-plan';

const log = scopedLogger('snapshot');

/**
 * Captures `contents` and saves the PNG as `fileName`; `client` is
 * undefined when the sender failed the IPC checks. Never throws.
 */
export async function saveSnapshot(
  contents: WebContents,
  client: ClientContext | undefined,
  fileName: unknown,
): Promise<SnapshotOutcome> {
  try {
    const plan = planSnapshot(client, fileName, app.getPath('pictures'));
    if (plan.kind === 'refuse') {
      log.warn(`refused to save a PNG: ${plan.reason}`);
      return 'failed';
    }
    // Captured before the dialog opens, so that the dialog is never in the picture.
    const image = await contents.capturePage();
    let path: string;
    if (plan.kind === 'ask') {
      const chosen = await askWhere(contents, plan.defaultPath);
      if (!chosen) return 'cancelled';
      path = chosen;
    } else {
      path = plan.path;
      await mkdir(dirname(path), { recursive: true });
    }
    await writeFile(path, image.toPNG());
    log.info(`saved a PNG of the window as ${basename(path)}`);
    return 'saved';
  } catch (error) {
    log.error(`could not save a PNG: ${(error as Error).message}`);
    return 'failed';
  }
}

/** Asks the page in `win` to save a PNG of its view, as its own button or key would. */
export function requestSnapshot(win: BaseWindow | undefined): void {
  if (win instanceof BrowserWindow && !win.webContents.isDestroyed()) {
    win.webContents.send(SNAPSHOT_REQUEST_CHANNEL);
  }
}

async function askWhere(contents: WebContents, defaultPath: string): Promise<string | undefined> {
  await mkdir(dirname(defaultPath), { recursive: true });
  const options = {
    title: 'Save PNG',
    defaultPath,
    filters: [{ name: 'PNG image', extensions: ['png'] }],
  };
  const owner = BrowserWindow.fromWebContents(contents);
  const answer = owner
    ? await dialog.showSaveDialog(owner, options)
    : await dialog.showSaveDialog(options);
  return answer.canceled ? undefined : answer.filePath;
}
