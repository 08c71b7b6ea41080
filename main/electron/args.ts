/**
 * The desktop app's own command-line flags, picked out of an argv that also
 * holds the executable, possibly the app path, and Chromium or Electron switches.
 */
import { resolve } from 'node:path';
import { WallNameSchema } from '../../shared/wall';

/** What the command line asks of the desktop app. */
export interface LaunchOptions {
  cachePath?: string;
  configPath?: string;
  /** The wall profile to play full screen, on its displays, instead of the analyst's window. */
  wall?: string;
}

/** A flag of ours that was used wrongly. */
export class LaunchArgsError extends Error {
  override name = 'LaunchArgsError';
}

const FLAGS = { '--cache': 'cachePath', '--config': 'configPath', '--wall': 'wall' } as const;
const PATH_FLAGS: ReadonlySet<string> = new Set(['--cache', '--config']);
type Flag = keyof typeof FLAGS;

function isFlag(text: string): text is Flag {
  return Object.prototype.hasOwnProperty.call(FLAGS, text);
}

/**
 * Reads `--cache FILE`, `--config FILE` and `--wall PROFILE` (or `--flag=VALUE`) from anywhere in
 * argv, resolving relative paths against `cwd`. Everything else is left to
 * Electron and Chromium, so their switches pass through unharmed.
 */
export function parseLaunchArgs(argv: readonly string[], cwd: string): LaunchOptions {
  const options: LaunchOptions = {};
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index] ?? '';
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
    const isPath = PATH_FLAGS.has(name);
    if (!value)
      throw new LaunchArgsError(`${name} needs ${isPath ? 'a file name' : 'a profile name'}`);
    const key = FLAGS[name];
    if (options[key] !== undefined) throw new LaunchArgsError(`${name} is given twice`);
    if (!isPath && !WallNameSchema.safeParse(value).success) {
      throw new LaunchArgsError(
        `${name}: a profile name is letters, digits, dot, dash or underscore`,
      );
    }
    options[key] = isPath ? resolve(cwd, value) : value;
  }
  return options;
}
