import { DEFAULT_WALL } from '../../shared/wall';

/** True for the wall page's path (serve mode's /wall, the desktop's wall windows). */
export function isWallPath(pathname: string): boolean {
  return pathname.replace(/\/+$/, '') === '/wall';
}

/** Query parameters of the page that serve mode also reads on the WebSocket upgrade. */
const FORWARDED_PARAMETERS = ['token', 'profile'];

/** The address of serve mode's WebSocket: /api on the page's own host, ws: or wss: to match. */
export function apiSocketUrl(
  page: Pick<Location, 'protocol' | 'host' | 'search' | 'pathname'>,
): string {
  const scheme = page.protocol === 'https:' ? 'wss:' : 'ws:';
  const url = new URL(`${scheme}//${page.host}/api`);
  const query = new URLSearchParams(page.search);
  for (const name of FORWARDED_PARAMETERS) {
    const value = query.get(name);
    if (value !== null) url.searchParams.set(name, value);
  }
  // The wall page is always a wall client, even when its link names no profile:
  // it must never connect as an analyst and be sent what a wall may not show.
  if (isWallPath(page.pathname) && !url.searchParams.has('profile')) {
    url.searchParams.set('profile', DEFAULT_WALL);
  }
  return url.href;
}
