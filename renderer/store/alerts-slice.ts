import type { StateCreator } from 'zustand';
import type { Alert } from '../../shared/model';
import { mergeAlerts } from './alert-window';
import type { AppState } from './app-state';

/** The most alerts the renderer keeps; older ones are in the main process's cache. */
export const MAX_ALERTS = 500;

/** A bounded window of the newest alerts, and when the live ones arrived here. */
export interface AlertsSlice {
  /** Newest first, unique by id, at most MAX_ALERTS. */
  alerts: Alert[];
  /** Arrival time on this machine (ms) of alerts that came live, by id; only ids in the window. */
  arrivedAt: Record<string, number>;
  /** Adds alerts fetched on (re)connection: history, so they do not count as arrivals. */
  seedAlerts(alerts: Alert[]): void;
  /** Adds alerts pushed live; ids not seen before are stamped with `now`. */
  receiveAlerts(alerts: Alert[], now: number): void;
}

function keepWindowIds(arrivedAt: Record<string, number>, window: Alert[]): Record<string, number> {
  const kept: Record<string, number> = {};
  for (const { id } of window) {
    const at = arrivedAt[id];
    if (at !== undefined) kept[id] = at;
  }
  return kept;
}

/** Creates the alerts slice, empty until the first alerts arrive. */
export const createAlertsSlice: StateCreator<AppState, [], [], AlertsSlice> = (set, get) => ({
  alerts: [],
  arrivedAt: {},
  seedAlerts: (incoming) => {
    const { alerts, arrivedAt } = get();
    const merged = mergeAlerts(alerts, incoming, MAX_ALERTS);
    if (merged !== alerts) set({ alerts: merged, arrivedAt: keepWindowIds(arrivedAt, merged) });
  },
  receiveAlerts: (incoming, now) => {
    const { alerts, arrivedAt } = get();
    const merged = mergeAlerts(alerts, incoming, MAX_ALERTS);
    if (merged === alerts) return;
    const known = new Set(alerts.map(({ id }) => id));
    const stamped = { ...arrivedAt };
    for (const { id } of incoming) if (!known.has(id)) stamped[id] = now;
    set({ alerts: merged, arrivedAt: keepWindowIds(stamped, merged) });
  },
});
