/**
 * Where Lagebild keeps its files and where its own bundled files are.
 * The user data directory matches Electron's default for the app name, so
 * the desktop app and serve mode share one cache.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const APP_NAME = 'Lagebild';

/** The per-user data directory (override with LAGEBILD_HOME). */
export function userDataDir(): string {
  if (process.env.LAGEBILD_HOME) return process.env.LAGEBILD_HOME;
  switch (process.platform) {
    case 'win32':
      return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_NAME);
    default:
      return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
  }
}

let cachedRoot: string | undefined;

/**
 * The package root (the folder with Lagebild's package.json), found by
 * walking up from this module, so it holds for sources, bundles and asar.
 */
export function appRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readPackageName(manifest) === 'lagebild') {
      cachedRoot = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Lagebild package root not found');
    dir = parent;
  }
}

function readPackageName(manifest: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}

/** A path inside the bundled assets/ folder. */
export function assetPath(...parts: string[]): string {
  return join(appRoot(), 'assets', ...parts);
}
