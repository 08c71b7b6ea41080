/**
 * Where the shared real-world sample files are: `../shared/samples` beside
 * the checkout (as on the build machines and in CI), or LAGEBILD_SAMPLES.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The sample folder. */
export const SAMPLES_DIR =
  process.env.LAGEBILD_SAMPLES ??
  resolve(fileURLToPath(new URL('../..', import.meta.url)), '..', 'shared', 'samples');

/** A path inside the sample folder. */
export function samplePath(...parts: string[]): string {
  return join(SAMPLES_DIR, ...parts);
}
