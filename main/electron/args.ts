/**
 * The desktop app's own command-line flags, picked out of an argv that also
 * holds the executable, possibly the app path, and Chromium or Electron switches.
 */
import { resolve } from 'node:path';
import { WallNameSchema } from '../../shared/wall';
import { SecretNameSchema } from './secret-store';

/** What the command line asks of the desktop app. */
export interface LaunchOptions {
  cachePath?: string;
  configPath?: string;
  /** The wall profile to play full screen, on its displays, instead of the analyst's window. */
  wall?: string;
  /** Store the secret of this name (read from standard input) encrypted, and quit. */
  storeSecret?: string;
  /** Open the cache for review only: no feeds, nothing changed (`--read-only`). */
  readOnly?: boolean;
}

/** A flag of ours that was used wrongly. */
export class LaunchArgsError extends Error {
  override name = 'LaunchArgsError';
}

const FLAGS = {
  '--cache': 'cachePath',
  '--config': 'configPath',
  '--wall': 'wall',
  '--store-secret': 'storeSecret',
} as const;

/** What each flag takes: a file (resolved against the working directory) or a checked name. */
const VALUES: Record<Flag, { what: string; valid?: (value: string) => boolean; rule?: string }> = {
  '--cache': { what: 'a file name' },
  '--config': { what: 'a file name' },
  '--wall': {
    what: 'a profile name',
    valid: (value) => WallNameSchema.safeParse(value).success,
    rule: 'letters, digits, dot, dash or underscore',
  },
  '--store-secret': {
    what: 'a secret name',
    valid: (value) => SecretNameSchema.safeParse(value).success,
    rule: 'upper-case letters, digits and underscores (the variable the configuration names)',
  },
};
type Flag = keyof typeof FLAGS;

/** The one switch without a value. */
const READ_ONLY = '--read-only';

function isFlag(text: string): text is Flag {
  return Object.prototype.hasOwnProperty.call(FLAGS, text);
}

/**
 * Reads `--cache FILE`, `--config FILE`, `--wall PROFILE`, `--store-secret NAME`
 * (or `--flag=VALUE`) and `--read-only` from anywhere in
 * argv, resolving relative paths against `cwd`. Everything else is left to
 * Electron and Chromium, so their switches pass through unharmed.
 */
export function parseLaunchArgs(argv: readonly string[], cwd: string): LaunchOptions {
  const options: LaunchOptions = {};
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index] ?? '';
    if (token === READ_ONLY) {
      options.readOnly = true;
      continue;
    }
    const equals = token.indexOf('=');
    const name = equals === -1 ? token : token.slice(0, equals);
    if (!isFlag(name)) continue;
    let value: string | undefined;
    if (equals === -1) {
      value = argv[index + 1];
      // A following switch is not a file name: the value was forgotten.
      if (value !== undefined && !value.startsWith('--')) index += 1;
      else value = undefined;
    } else {
      value = token.slice(equals + 1);
    }
    const kind = VALUES[name];
    if (!value) throw new LaunchArgsError(`${name} needs ${kind.what}`);
    const key = FLAGS[name];
    if (options[key] !== undefined) throw new LaunchArgsError(`${name} is given twice`);
    if (kind.valid && !kind.valid(value)) {
      throw new LaunchArgsError(`${name}: ${kind.what} is ${kind.rule}`);
    }
    options[key] = kind.valid ? value : resolve(cwd, value);
  }
  return options;
}

/**
 * The arguments to start the app again on `file` for review only (File >
 * Open cache read-only…): the ones it was started with, after the
 * executable, without its own cache, wall and read-only flags.
 */
export function readOnlyRelaunchArgs(argv: readonly string[], file: string): string[] {
  const dropped = new Set<string>(['--cache', '--wall', READ_ONLY]);
  const kept: string[] = [];
  const rest = argv.slice(1);
  for (let index = 0; index < rest.length; index += 1) {
    const token = rest[index] ?? '';
    const name = token.split('=', 1)[0] ?? '';
    if (!dropped.has(name)) {
      kept.push(token);
      continue;
    }
    // A flag's value follows it unless given with "=".
    const next = rest[index + 1];
    if (
      name !== READ_ONLY &&
      !token.includes('=') &&
      next !== undefined &&
      !next.startsWith('--')
    ) {
      index += 1;
    }
  }
  return [...kept, '--cache', file, READ_ONLY];
}
