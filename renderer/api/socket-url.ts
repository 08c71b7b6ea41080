/** Query parameters of the page that serve mode also reads on the WebSocket upgrade. */
const FORWARDED_PARAMETERS = ['token', 'profile'];

/** The address of serve mode's WebSocket: /api on the page's own host, ws: or wss: to match. */
export function apiSocketUrl(page: Pick<Location, 'protocol' | 'host' | 'search'>): string {
  const scheme = page.protocol === 'https:' ? 'wss:' : 'ws:';
  const url = new URL(`${scheme}//${page.host}/api`);
  const query = new URLSearchParams(page.search);
  for (const name of FORWARDED_PARAMETERS) {
    const value = query.get(name);
    if (value !== null) url.searchParams.set(name, value);
  }
  return url.href;
}
