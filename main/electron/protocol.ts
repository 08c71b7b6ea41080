/**
 * The app scheme's handler: serves the built renderer folder and nothing
 * else, each response carrying the Content-Security-Policy header. Electron
 * runs no webRequest header hooks for custom schemes, so the header is set here.
 */
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { scopedLogger } from '../core/log';
import { CONTENT_SECURITY_POLICY } from '../core/csp';
import { APP_SCHEME, resolveAppFile } from './app-url';

const log = scopedLogger('protocol');

/**
 * Declares the app scheme secure and standard (a real origin for 'self',
 * fetch and module scripts); must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // corsEnabled stays off: it would let other origins read these responses.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

/** Serves the files under `root` on the app scheme of the default session. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, (request) => respond(root, request));
}

async function respond(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
  }
  const file = resolveAppFile(root, request.url);
  if (!file) {
    log.warn(`refused ${request.url.slice(0, 200)}`);
    return new Response('not found', { status: 404 });
  }
  let found: Response;
  try {
    found = await net.fetch(pathToFileURL(file).href);
  } catch {
    return new Response('not found', { status: 404 });
  }
  const headers = new Headers(found.headers);
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  headers.set('X-Content-Type-Options', 'nosniff');
  return new Response(found.body, { status: found.status, headers });
}
