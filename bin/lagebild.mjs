#!/usr/bin/env node
// The `lagebild` command from a checkout: (re)bundles the CLI when its
// sources are newer than the bundle, then runs it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist', 'main', 'cli.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sourcesDir = (name) => join(root, name);
const stale =
  !existsSync(bundle) ||
  (existsSync(sourcesDir('main')) &&
    Math.max(newestSource(sourcesDir('main')), newestSource(sourcesDir('shared'))) >
      statSync(bundle).mtimeMs);
if (stale) {
  const { buildMain } = await import(pathToFileURL(join(root, 'scripts', 'build-main.mjs')).href);
  await buildMain({ entries: { 'main/cli': 'main/cli/entry.ts' } });
}
await import(pathToFileURL(bundle).href);
