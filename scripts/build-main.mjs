// Bundles the main-process CLI and the benchmark for Node.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { nodeBundle } from './bundle-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Entry points of the Node bundles, relative to the project root. */
export const MAIN_ENTRIES = {
  'main/cli': 'main/cli/entry.ts',
  'bench/bench': 'bench/bench.ts',
  'bench/soak': 'bench/soak.ts',
};

/** Builds the Node bundles into dist/. */
export async function buildMain({ entries = MAIN_ENTRIES } = {}) {
  await build({
    ...nodeBundle,
    absWorkingDir: root,
    entryPoints: entries,
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    // The soak drives Chromium through playwright-core, which reads its own files: a dev tool, not bundled.
    external: [...nodeBundle.external, 'playwright-core'],
    target: 'node20',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildMain();
