// Builds everything the app runs from: the basemap data, the renderer
// (Vite), the Node bundles (CLI, benchmark) and the Electron shell.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildMain } from './build-main.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`build: ${command} ${args.join(' ')} failed\n`);
    process.exit(result.status ?? 1);
  }
}

run(process.execPath, ['scripts/build-geo.mjs']);
run(process.execPath, [
  'node_modules/vite/bin/vite.js',
  'build',
  '--config',
  'vite.config.ts',
  '--logLevel',
  'warn',
]);
await buildMain();
run(process.execPath, ['scripts/build-electron.mjs']);
