/**
 * The desktop's browser-side defences: no permissions for any page, the
 * Content-Security-Policy on HTTP responses, and web contents that can
 * neither navigate, open windows nor attach webviews.
 */
import { shell, type Session, type WebContents } from 'electron';
import { scopedLogger } from '../core/log';
import { CONTENT_SECURITY_POLICY } from '../core/csp';
import { externalLinkTarget } from './links';

const log = scopedLogger('security');

/** Denies every permission and adds the CSP header to every HTTP(S) response of the session. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  // The app's own pages come from the app scheme, whose handler sets the header itself
  // (header hooks never run there); this covers anything that arrives over HTTP(S).
  // electronegativity's CSP_GLOBAL_CHECK reads only literal policies and calls this one
  // unparseable; its test evaluates CONTENT_SECURITY_POLICY with the same evaluator instead.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
}

/** Keeps web contents on the page they were given; https links open in the system browser. */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openExternally(event.url, 'navigation');
  });
  contents.on('will-redirect', (event) => {
    event.preventDefault();
    log.warn(`blocked redirect to ${event.url.slice(0, 200)}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('blocked a webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url, 'new window');
    return { action: 'deny' };
  });
}

function openExternally(url: string, what: string): void {
  const target = externalLinkTarget(url);
  if (!target) {
    log.warn(`blocked ${what} to ${url.slice(0, 200)}`);
    return;
  }
  // Reviewed for electronegativity's OPEN_EXTERNAL_JS_CHECK: only plain https links
  // without credentials get here (externalLinkTarget).
  shell.openExternal(target).catch((error: unknown) => {
    log.warn(`could not open ${target}: ${(error as Error).message}`);
  });
}
