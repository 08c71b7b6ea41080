/**
 * The shell's electron-log instance (`electron-log/main`). It writes into the
 * core's log file, records uncaught main-process errors, and takes the
 * warnings and errors a renderer prints to its console (uncaught exceptions,
 * CSP violations). The renderer's own log lines arrive through the API's
 * `log` method, which validates them.
 */
import log from 'electron-log/main';
import { logFilePath, redact } from '../core/log';

const rendererLog = log.scope('renderer');

/**
 * Points electron-log/main at the core's log file and starts catching
 * uncaught errors. `log.initialize()` is deliberately not called: its preload
 * would add a second page global (`window.__electronLog`) and an IPC channel
 * that bypasses the sender and size checks.
 */
export function setUpShellLogging(): void {
  log.transports.file.resolvePathFn = () => logFilePath();
  log.transports.file.level = 'info';
  log.transports.console.level = process.env.LAGEBILD_LOG_CONSOLE === '1' ? 'info' : false;
  log.hooks.push((message) => {
    message.data = message.data.map((item) => (typeof item === 'string' ? redact(item) : item));
    return message;
  });
  // A dialog would block an unattended wall screen; the log file is enough.
  log.errorHandler.startCatching({ showDialog: false });
}

/** Records one renderer console message of level warning or error; quieter levels are dropped. */
export function logRendererConsole(level: string, message: string, source: string): void {
  const text = `${message.slice(0, 2000)} (${source.slice(0, 200)})`;
  if (level === 'error') rendererLog.error(text);
  else if (level === 'warning') rendererLog.warn(text);
}
