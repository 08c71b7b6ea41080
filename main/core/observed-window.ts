/**
 * The observed-time window a request asks for: none for the live view,
 * otherwise [from, to] with a missing end filled in, from the oldest alert
 * the cache counts or up to now.
 */
import type { ObservedRange } from '../store/window-queries';
import type { AlertCache } from '../store/alert-cache';

/** The window of `params`, or undefined when neither end is given. */
export function observedWindow(
  params: { from?: number; to?: number },
  cache: AlertCache,
): ObservedRange | undefined {
  if (params.from === undefined && params.to === undefined) return undefined;
  const to = params.to ?? Date.now();
  const from = params.from ?? Math.min(cache.firstObserved(), to);
  // A start after now, with no end given, asks for nothing yet: an empty window, not a reversed one.
  return { from, to: Math.max(from, to) };
}
