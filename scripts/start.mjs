// `npm start`: builds, then opens the desktop app where an Electron binary
// is installed, and otherwise runs the same core in serve mode and says so.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const electron = electronBinary();
const args = process.argv.slice(2);
const child = electron
  ? spawn(electron, ['.', ...args], { cwd: root, stdio: 'inherit' })
  : (process.stdout.write(
      'No Electron binary is installed here (its download was skipped or failed), so Lagebild ' +
        'starts in serve mode: open the address below in a browser.\n',
    ),
    spawn(process.execPath, ['bin/lagebild.mjs', 'serve', ...args], {
      cwd: root,
      stdio: 'inherit',
    }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
