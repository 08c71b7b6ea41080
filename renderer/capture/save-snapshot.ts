/**
 * Saves a PNG of what the window shows. The desktop app captures its exact
 * pixels in the main process and asks where to save; the browser, and the
 * desktop app when that fails, draws the page's DOM and downloads it.
 */
import { snapshotFileName, type SnapshotBridge, type SnapshotOutcome } from '../../shared/snapshot';
import { scopedLogger } from '../log';
import { capturePng, downloadBlob } from './capture-png';

declare global {
  interface Window {
    /** Exposed by the Electron preload script; absent in a browser. */
    lagebildSnapshot?: SnapshotBridge;
  }
}

const log = scopedLogger('snapshot');

let saving = false;

/**
 * Saves a PNG of the page named after `view` and the time now. A second
 * request while one is being saved is ignored. Never throws.
 */
export async function saveSnapshot(view: string): Promise<SnapshotOutcome | 'busy'> {
  if (saving) return 'busy';
  saving = true;
  const fileName = snapshotFileName(view, new Date());
  try {
    const bridge = window.lagebildSnapshot;
    if (bridge) {
      const outcome = await bridge.savePng(fileName);
      if (outcome !== 'failed') return outcome;
      log.warn('the desktop capture failed; drawing the page instead');
    }
    const root = document.getElementById('root') ?? document.body;
    downloadBlob(await capturePng(root), fileName);
    log.info(`saved ${fileName}`);
    return 'saved';
  } catch (error) {
    log.error(`could not save ${fileName}: ${(error as Error).message}`);
    return 'failed';
  } finally {
    saving = false;
  }
}
