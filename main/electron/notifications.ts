/**
 * Native notifications of new incidents for the desktop app: the same rule
 * as the page's toasts (shared/notable.ts), shown by the system only while
 * no Lagebild window has the focus, since the page then shows its own.
 */
import { BrowserWindow, Notification } from 'electron';
import type { PictureDelta } from '../../shared/api';
import { NotableIncidentTracker } from '../../shared/notable';
import type { Core } from '../core/app';
import { MAX_DELTA_ALERTS } from '../core/delta-publisher';

/** Starts announcing; returns the function that stops it. */
export function announceNewIncidents(core: Core, onClick: () => void): () => void {
  const level = core.config.notifications.minSeverity;
  if (level === 'off' || !Notification.isSupported()) return () => undefined;
  const tracker = new NotableIncidentTracker(level);
  const shown = new Set<Notification>();
  // What was notable before the start was seen (or missed) then; it is not news now.
  tracker.know(core.cache.recentAlerts(MAX_DELTA_ALERTS));
  return core.endpoint.subscribe((event, data) => {
    if (event !== 'delta') return;
    const notable = tracker.take((data as PictureDelta).added);
    if (notable.length === 0 || BrowserWindow.getFocusedWindow()) return;
    for (const item of notable) {
      const notification = new Notification({
        title: `New ${item.severity} incident`,
        body: item.title,
      });
      // Held until it is done with: an unreferenced notification can be
      // collected by the garbage collector, and its click lost with it.
      shown.add(notification);
      const done = () => shown.delete(notification);
      notification.on('click', () => {
        done();
        onClick();
      });
      notification.on('close', done);
      notification.show();
    }
  });
}
