import type { Alert } from '../../shared/model';

/** Newest first: by arrival at Lagebild, then by observation, then by id so ties are stable. */
function newestFirst(a: Alert, b: Alert): number {
  return b.receivedAt - a.receivedAt || b.observedAt - a.observedAt || (a.id < b.id ? -1 : 1);
}

/**
 * Merges alerts into a newest-first window of unique ids holding at most
 * `max`. A repeated id replaces the older copy (the main process may resend
 * an alert it has enriched). Without incoming alerts the window is returned
 * as it is, so subscribers see no change.
 */
export function mergeAlerts(window: Alert[], incoming: readonly Alert[], max: number): Alert[] {
  if (incoming.length === 0) return window;
  const byId = new Map(window.map((alert) => [alert.id, alert]));
  for (const alert of incoming) byId.set(alert.id, alert);
  return [...byId.values()].sort(newestFirst).slice(0, max);
}
