// Bundles the Electron shell: the main process as ESM for Node, and the
// sandboxed preload as CommonJS that requires nothing but electron. Runs
// alone (`node scripts/build-electron.mjs`) or when the overall build imports it.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundle, OPTIONAL_NATIVE } from './bundle-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
};

const [main, preload] = await Promise.all([
  build({
    ...common,
    ...nodeBundle,
    entryPoints: ['main/electron/main.ts'],
    outfile: 'dist/main/electron/main.mjs',
    target: 'node22',
  }),
  build({
    ...common,
    entryPoints: ['main/electron/preload.ts'],
    outfile: 'dist/main/electron/preload.cjs',
    format: 'cjs',
    target: 'es2022',
    external: ['electron'],
  }),
]);

checkImports(main.metafile, isShipped, 'the main bundle');
checkImports(preload.metafile, (name) => name === 'electron', 'the sandboxed preload');

/** True when the packaged app can resolve the import at run time. */
function isShipped(name) {
  if (name.startsWith('node:') || builtinModules.includes(name)) return true;
  if (name === 'electron' || OPTIONAL_NATIVE.includes(name)) return true;
  const packageName = name.startsWith('@')
    ? name.split('/').slice(0, 2).join('/')
    : name.split('/')[0];
  // electron-builder copies only "dependencies" into the app.
  return Object.hasOwn(manifest.dependencies ?? {}, packageName);
}

/** Fails the build when a bundle imports something it cannot have at run time. */
function checkImports(metafile, allowed, what) {
  const wrong = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const item of output.imports) {
      if (item.external && !allowed(item.path)) wrong.add(item.path);
    }
  }
  if (wrong.size > 0) {
    throw new Error(`${what} imports what it cannot load at run time: ${[...wrong].join(', ')}`);
  }
}
