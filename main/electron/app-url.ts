/**
 * Where the desktop renderer lives: a private, secure standard scheme whose
 * only host serves the built renderer folder. A real origin (unlike file://)
 * makes 'self' in the Content-Security-Policy mean "this app" and nothing
 * else on the disk, and it lets the protocol handler attach the policy header.
 */
import { isAbsolute, join, relative, sep } from 'node:path';

/** The URL scheme the renderer is served under. */
export const APP_SCHEME = 'lagebild';

/** The only host of the scheme. */
const APP_HOST = 'app';

/** The page every app window loads. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** A wall window's page: the same renderer, which shows the wall on this path. */
export function appWallUrl(profile: string): string {
  return `${APP_SCHEME}://${APP_HOST}/wall?profile=${encodeURIComponent(profile)}`;
}

/** Paths that answer with the renderer's single page. */
const INDEX_PATHS = new Set(['/', '/index.html', '/wall']);

function parseAppUrl(text: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  // Compare scheme and host: WHATWG gives non-special schemes an opaque origin.
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST ? url : undefined;
}

/** True when the URL is the app's own page, whatever its query or fragment. */
export function isAppPageUrl(text: string): boolean {
  const path = parseAppUrl(text)?.pathname;
  return path === '/index.html' || path === '/wall';
}

/**
 * The file inside `root` that an app URL names, or undefined when the URL is
 * not the app's, cannot be decoded, or would lead outside `root`.
 */
export function resolveAppFile(root: string, text: string): string | undefined {
  const url = parseAppUrl(text);
  if (!url) return undefined;
  if (INDEX_PATHS.has(url.pathname)) return join(root, 'index.html');
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = join(root, decoded);
  // Decoding can bring back "../" or, on Windows, backslashes the URL parser left alone.
  const inside = relative(root, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return undefined;
  }
  return file;
}
