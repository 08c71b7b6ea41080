/** The release of this build, read once from the package manifest. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from './paths';

let version: string | undefined;

/** Lagebild's version, as package.json states it. */
export function appVersion(): string {
  version ??= (
    JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string }
  ).version;
  return version;
}
