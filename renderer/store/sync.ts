/**
 * Keeps the store in step with the main process: on every (re)connection it
 * fetches the picture and the newest alerts, in between it applies deltas.
 */
import type { LagebildApi } from '../../shared/api';
import { scopedLogger } from '../log';
import { MAX_ALERTS } from './alerts-slice';
import type { AppStore } from './app-store';

const log = scopedLogger('sync');

async function seed(api: LagebildApi, store: AppStore): Promise<void> {
  const [picture, alerts] = await Promise.all([
    api.call('getPicture', {}),
    api.call('listRecentAlerts', { limit: MAX_ALERTS }),
  ]);
  if (picture.ok) store.getState().applyPicture(picture.value);
  else log.warn(`getPicture failed: ${picture.error.message}`);
  if (alerts.ok) store.getState().seedAlerts(alerts.value);
  else log.warn(`listRecentAlerts failed: ${alerts.error.message}`);
}

/** Starts syncing `store` with `api` for the life of the page. */
export function startSync(api: LagebildApi, store: AppStore): void {
  api.on('delta', ({ picture, added }) => {
    store.getState().applyPicture(picture);
    store.getState().receiveAlerts(added, Date.now());
  });
  // Deltas missed while the link was down are recovered by seeding again once it is back.
  let wasOpen = false;
  const onChange = () => {
    const open = store.getState().connection.state === 'open';
    if (open && !wasOpen) void seed(api, store);
    wasOpen = open;
  };
  store.subscribe(onChange);
  onChange();
}
