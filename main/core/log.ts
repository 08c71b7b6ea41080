/**
 * The scoped logger of the main-process core: one electron-log instance
 * writing to a file in the user data directory, a named child per subsystem,
 * secrets redacted (known values, and anything labelled as one) and line
 * breaks escaped before anything is written.
 */
import log from 'electron-log/node';
import { join } from 'node:path';
import { scrubSecrets } from './known-secrets';
import { userDataDir } from './paths';

/** A logger scoped to one subsystem. */
export interface Logger {
  error(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  info(...args: unknown[]): void;
  debug(...args: unknown[]): void;
}

const SECRET_PATTERN =
  /((?:token|password|secret|authorization|api[-_]?key)["']?\s*[:=]\s*["']?)[^\s"',}]+/gi;

/** Replaces the secrets this process knows, and values that look like credentials, with a marker. */
export function redact(text: string): string {
  return scrubSecrets(text).replace(SECRET_PATTERN, '$1[redacted]');
}

/**
 * A text as one log line: line breaks shown as "\n". Messages carry text
 * from feeds and clients; a break in one must not forge a line of its own.
 */
export function oneLine(text: string): string {
  return text.replace(/\r?\n|[\r\u2028\u2029]/g, '\\n');
}

let configured = false;

function configure(): void {
  if (configured) return;
  configured = true;
  // Without a name electron-log guesses one from the nearest package.json, and
  // fails when started from elsewhere; the path itself is set just below.
  log.transports.file.setAppName('Lagebild');
  log.transports.file.resolvePathFn = () =>
    process.env.LAGEBILD_LOG_FILE ?? join(userDataDir(), 'logs', 'main.log');
  log.transports.file.level = (process.env.LAGEBILD_LOG_LEVEL as 'info' | undefined) ?? 'info';
  // The console stays quiet unless asked: the CLI prints its own results,
  // and tests read the log file.
  log.transports.console.level = process.env.LAGEBILD_LOG_CONSOLE === '1' ? 'info' : false;
  log.hooks.push((message) => {
    message.data = message.data.map((item) =>
      typeof item === 'string' ? oneLine(redact(item)) : item,
    );
    return message;
  });
}

/** The logger of one subsystem, e.g. `scopedLogger('store')`. */
export function scopedLogger(scope: string): Logger {
  configure();
  return log.scope(scope);
}

/** Where the log file is written. */
export function logFilePath(): string {
  configure();
  return log.transports.file.getFile().path;
}
