/** The current route, following the location hash, and the way to change it. */
import { useEffect, useState } from 'react';
import { formatRoute, parseRoute, type Route } from './route';

/** Goes to `route`, as a new entry of the browser's history. */
export function navigate(route: Route): void {
  window.location.hash = formatRoute(route);
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
