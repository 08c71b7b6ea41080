/**
 * Every test process gets its own user data directory, so tests never read
 * or write the real user's cache and logs.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.LAGEBILD_HOME ??= mkdtempSync(join(tmpdir(), 'lagebild-test-home-'));
