/**
 * Keeps the store in step with the main process: on every (re)connection it
 * fetches what the server says of itself, the picture and the newest
 * alerts; in between it applies deltas. While a past window or a replay is
 * shown, deltas update only the feeds' health and the cache's state (always
 * of now), and
 * the picture follows the chosen time instead (renderer/time/follow-time.ts).
 */
import type { LagebildApi } from '../../shared/api';
import { scopedLogger } from '../log';
import { followTime } from '../time/follow-time';
import { MAX_ALERTS } from './alerts-slice';
import type { AppStore } from './app-store';
import { timeModeOf } from './time-slice';

const log = scopedLogger('sync');

/** Fetches the live picture and the newest alerts. */
async function seedLive(api: LagebildApi, store: AppStore): Promise<void> {
  const [picture, alerts] = await Promise.all([
    api.call('getPicture', {}),
    api.call('listRecentAlerts', { limit: MAX_ALERTS }),
  ]);
  // The analyst may have left live while the answers were on their way.
  if (timeModeOf(store.getState()) !== 'live') return;
  if (picture.ok) store.getState().applyPicture(picture.value);
  else log.warn(`getPicture failed: ${picture.error.message}`);
  if (alerts.ok) store.getState().seedAlerts(alerts.value);
  else log.warn(`listRecentAlerts failed: ${alerts.error.message}`);
}

/** Starts syncing `store` with `api` for the life of the page. */
export function startSync(api: LagebildApi, store: AppStore): void {
  const time = followTime(api, store, () => seedLive(api, store));
  api.on('delta', ({ picture, added }) => {
    const state = store.getState();
    if (timeModeOf(state) !== 'live') {
      state.showLiveHealth(picture);
      return;
    }
    state.applyPicture(picture);
    state.receiveAlerts(added, Date.now());
  });

  const seed = async () => {
    const info = api.call('getInfo', {});
    await (timeModeOf(store.getState()) === 'live' ? seedLive(api, store) : time.reload());
    // Last, so that whoever waits for the info finds the alerts already there.
    const answer = await info;
    if (answer.ok) store.getState().setInfo(answer.value);
    else log.warn(`getInfo failed: ${answer.error.message}`);
  };
  // Deltas missed while the link was down are recovered by seeding again once it is back.
  let wasOpen = false;
  const onChange = () => {
    const open = store.getState().connection.state === 'open';
    if (open && !wasOpen) void seed();
    wasOpen = open;
  };
  store.subscribe(onChange);
  onChange();
}
