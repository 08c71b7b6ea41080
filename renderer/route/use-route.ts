/** The current route, following the location hash, and the ways to change it. */
import { useEffect, useState } from 'react';
import { appStore } from '../store/use-app-store';
import {
  carryRange,
  formatRoute,
  parseRoute,
  rangeOf,
  withRange,
  type Route,
  type TimeRange,
} from './route';

/**
 * Goes to `route`, as a new entry of the browser's history. A route that
 * names no time of its own stays in the past window being shown.
 */
export function navigate(route: Route): void {
  window.location.hash = formatRoute(carryRange(route, appStore.getState().range));
}

/** Shows `route` over the past window `range`, or live for undefined. */
export function navigateInTime(route: Route, range: TimeRange | undefined): void {
  window.location.hash = formatRoute(withRange(route, range));
}

/** The route the page shows now. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}

/** Shows the time the route names: its past window, or live. */
export function useRouteTime(route: Route): void {
  const range = rangeOf(route);
  const from = range?.from;
  const to = range?.to;
  useEffect(() => {
    const shown = from !== undefined && to !== undefined ? { from, to } : undefined;
    appStore.getState().setRange(shown);
  }, [from, to]);
}
