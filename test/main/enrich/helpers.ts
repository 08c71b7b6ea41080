/**
 * Shared fixtures of the enrichment tests: temporary files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Keep the tests' log lines out of the user's real log folder.
process.env.LAGEBILD_HOME ??= mkdtempSync(join(tmpdir(), 'lagebild-home-'));

const made: string[] = [];

/** Writes `content` to a new file named `name` in a temporary folder; returns its path. */
export function tempFile(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-enrich-'));
  made.push(dir);
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** A path in a temporary folder where no file is. */
export function missingFile(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-enrich-'));
  made.push(dir);
  return join(dir, name);
}

/** Removes every folder these helpers made. */
export function removeTempFiles(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
