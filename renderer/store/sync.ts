/**
 * Keeps the store in step with the main process: on every (re)connection it
 * fetches what the server says of itself, the picture and the newest
 * alerts; in between it applies deltas.
 */
import type { LagebildApi } from '../../shared/api';
import { scopedLogger } from '../log';
import { MAX_ALERTS } from './alerts-slice';
import type { AppStore } from './app-store';

const log = scopedLogger('sync');

async function seed(api: LagebildApi, store: AppStore): Promise<void> {
  const [info, picture, alerts] = await Promise.all([
    api.call('getInfo', {}),
    api.call('getPicture', {}),
    api.call('listRecentAlerts', { limit: MAX_ALERTS }),
  ]);
  if (picture.ok) store.getState().applyPicture(picture.value);
  else log.warn(`getPicture failed: ${picture.error.message}`);
  if (alerts.ok) store.getState().seedAlerts(alerts.value);
  else log.warn(`listRecentAlerts failed: ${alerts.error.message}`);
  // Last, so that whoever waits for the info finds the alerts already there.
  if (info.ok) store.getState().setInfo(info.value);
  else log.warn(`getInfo failed: ${info.error.message}`);
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
