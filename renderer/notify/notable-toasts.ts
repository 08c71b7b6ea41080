/**
 * Announces new incidents in the page: once the server has said from which
 * severity up (getInfo, fetched by the sync), each delta's alerts are
 * checked, and an incident that turns notable is shown as a toast. What the
 * page already held when the server first answered is known, not announced.
 */
import type { LagebildApi } from '../../shared/api';
import { NotableIncidentTracker } from '../../shared/notable';
import type { AppStore } from '../store/app-store';

/** Starts the toasts for the life of the page. */
export function startNotableToasts(api: LagebildApi, store: AppStore): void {
  let tracker: NotableIncidentTracker | undefined;
  const unsubscribe = store.subscribe(({ info, alerts }) => {
    if (!info) return;
    tracker = new NotableIncidentTracker(info.notifyFrom);
    tracker.know(alerts);
    unsubscribe();
  });
  api.on('delta', ({ added }) => {
    const notable = tracker?.take(added) ?? [];
    if (notable.length > 0) store.getState().showToasts(notable, Date.now());
  });
}
