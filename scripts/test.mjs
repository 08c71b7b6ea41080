// `npm test`: makes sure Debian's Chromium and fonts are there for the
// end-to-end tests (installing them with apt when missing), then checks
// types, lint and formatting, builds, and runs every test.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const APT_PACKAGES = ['chromium', 'fonts-dejavu-core', 'fonts-liberation'];

function run(command, args, options = {}) {
  process.stdout.write(`\n> ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function ensureChromium() {
  const fontsMissing = !existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf');
  if (existsSync(CHROMIUM) && !fontsMissing) return;
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? [] : ['sudo', '-n'];
  if (!asRoot && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    process.stderr.write(
      `Chromium or fonts are missing; install them with: sudo apt-get install -y ${APT_PACKAGES.join(' ')}\n`,
    );
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [cmd, ...pre] = [...sudo, 'apt-get'];
  run(cmd, [...pre, 'update', '-qq'], { env });
  run(cmd, [...pre, 'install', '-y', '-qq', ...APT_PACKAGES], { env });
}

ensureChromium();
run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
run('npx', ['eslint', '.']);
run('npx', ['prettier', '--check', '.']);
run(process.execPath, ['scripts/build.mjs']);
run('npx', ['vitest', 'run']);
