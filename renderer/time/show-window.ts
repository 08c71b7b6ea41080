/**
 * Shows a past window afresh: its picture and its newest alerts, none of
 * them pulsing. A past window is shown this way once, a replay after each
 * jump of its clock.
 */
import type { LagebildApi } from '../../shared/api';
import type { TimeRange } from '../route/route';
import { MAX_ALERTS } from '../store/alerts-slice';
import type { AppStore } from '../store/app-store';

/**
 * Fetches the picture and newest alerts of `range` and shows them unless
 * `stillWanted()` says the answer came too late; failures go to `warn`.
 */
export async function showWindow(
  api: LagebildApi,
  store: AppStore,
  range: TimeRange,
  answer: { stillWanted: () => boolean; warn: (problem: string) => void },
): Promise<void> {
  const [picture, alerts] = await Promise.all([
    api.call('getPicture', range),
    api.call('listRecentAlerts', { limit: MAX_ALERTS, ...range }),
  ]);
  if (!answer.stillWanted()) return;
  if (!alerts.ok) answer.warn(`listRecentAlerts failed: ${alerts.error.message}`);
  if (picture.ok) store.getState().showHistory(picture.value, alerts.ok ? alerts.value : []);
  else answer.warn(`getPicture failed: ${picture.error.message}`);
}
