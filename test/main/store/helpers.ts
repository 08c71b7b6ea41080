/**
 * Shared fixtures of the store tests: temporary cache files and alerts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Alert } from '../../../shared/model';

// Keep the tests' log lines out of the user's real log folder.
process.env.LAGEBILD_HOME ??= mkdtempSync(join(tmpdir(), 'lagebild-home-'));

const made: string[] = [];

/** A path for a new cache file inside a folder that does not exist yet. */
export function tempCacheFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-store-'));
  made.push(dir);
  return join(dir, 'nested', 'cache.db');
}

/** Removes every folder tempCacheFile made. */
export function removeTempFiles(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** An alert with its raw record, with defaults for whatever the test does not care about. */
export function makeAlert(
  overrides: Partial<Alert> & { id: string; raw?: string },
): Alert & { raw: string } {
  return {
    feed: 'sensor-a',
    kind: 'alert',
    observedAt: Date.UTC(2025, 0, 1, 12, 0, 0),
    receivedAt: Date.UTC(2025, 0, 1, 12, 0, 1),
    severity: 'medium',
    title: 'ET SCAN Potential SSH Scan',
    category: 'attempted information leak',
    sectors: [],
    tlp: 'amber',
    tags: [],
    raw: `{"id":"${overrides.id}"}`,
    ...overrides,
  };
}
