import type { Logger } from './log';

/** Sends uncaught errors and Content-Security-Policy violations to the main process's log. */
export function reportPageProblems(log: Logger): void {
  window.addEventListener('error', (event) => {
    log.error(`uncaught: ${event.message} (${event.filename}:${event.lineno})`);
  });
  window.addEventListener('unhandledrejection', (event) => {
    log.error(`unhandled rejection: ${String(event.reason)}`);
  });
  document.addEventListener('securitypolicyviolation', (event) => {
    log.warn(`CSP ${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'}`);
  });
}
