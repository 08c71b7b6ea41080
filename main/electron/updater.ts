/**
 * Automatic updates with electron-updater from a generic server: only in a
 * packaged build, only when the configuration names an https server, and
 * never fatal; a failed check is logged and retried at the next interval.
 */
import { app } from 'electron';
import electronUpdater from 'electron-updater';
import { scopedLogger } from '../core/log';

const log = scopedLogger('updates');

/** How often a long-running desktop looks for a new release. */
const CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

/** Starts update checks when they apply; returns the function that stops them. */
export function startUpdates(updates: { url: string } | undefined): () => void {
  const off = (reason: string) => {
    log.info(`updates off: ${reason}`);
    return () => undefined;
  };
  if (!updates) return off('no updates.url in the configuration');
  if (!app.isPackaged) return off('not a packaged build');
  // Linux packages carry no signature to check, so the transport must be authenticated.
  if (!URL.canParse(updates.url) || new URL(updates.url).protocol !== 'https:') {
    return off(`${updates.url} is not an https URL`);
  }

  // The package's named export is a lazy getter that Node's ESM loader cannot see.
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = log;
  autoUpdater.autoDownload = true;
  autoUpdater.setFeedURL({ provider: 'generic', url: updates.url });
  autoUpdater.on('error', (error) => log.warn(`update failed: ${error.message}`));
  log.info(`updates from ${updates.url}`);

  const check = () => {
    // A failure is also emitted as 'error' above, so the rejection carries nothing new.
    autoUpdater.checkForUpdatesAndNotify().catch(() => undefined);
  };
  check();
  const timer = setInterval(check, CHECK_INTERVAL_MS);
  return () => clearInterval(timer);
}
