/**
 * The renderer's logger: lines go to the main process's log file through the
 * API's `log` method, since a desktop app's console is seen by nobody.
 */
import type { LagebildApi } from '../shared/api';

/** A logger scoped to one part of the renderer. */
export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

type Level = keyof Logger;

// The contract's limits for one log call.
const MAX_SCOPE = 50;
const MAX_MESSAGE = 2000;

let sink: LagebildApi | undefined;

/** Sends every logger's lines through `api` from now on; lines written before are dropped. */
export function bindLogger(api: LagebildApi): void {
  sink = api;
}

/** A logger whose lines carry `scope`. Logging never throws and never waits. */
export function scopedLogger(scope: string): Logger {
  const write = (level: Level) => (message: string) => {
    void sink?.call('log', {
      level,
      scope: scope.slice(0, MAX_SCOPE),
      message: message.slice(0, MAX_MESSAGE),
    });
  };
  return { error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug') };
}
