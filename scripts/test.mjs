// `npm test`: makes sure the Debian packages the tests use are there
// (Chromium and fonts for the end-to-end tests, nats-server, openssl,
// logger and rsyslog for the feed tests; installed with apt when missing), then checks types, lint
// and formatting, builds, and runs every test.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Each package with a file that shows it is installed.
const APT_PACKAGES = {
  chromium: '/usr/bin/chromium',
  'fonts-dejavu-core': '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  'fonts-liberation': '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  'nats-server': '/usr/sbin/nats-server',
  openssl: '/usr/bin/openssl',
  // logger(1), which the syslog tests send with.
  bsdutils: '/usr/bin/logger',
  // rsyslogd, which the syslog tests forward through.
  rsyslog: '/usr/sbin/rsyslogd',
};

function run(command, args, options = {}) {
  process.stdout.write(`\n> ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function ensureAptPackages() {
  const missing = Object.entries(APT_PACKAGES)
    .filter(([, file]) => !existsSync(file))
    .map(([name]) => name);
  if (missing.length === 0) return;
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? [] : ['sudo', '-n'];
  if (!asRoot && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    process.stderr.write(
      `Packages the tests need are missing; install them with: sudo apt-get install -y ${missing.join(' ')}\n`,
    );
    process.exit(1);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [cmd, ...pre] = [...sudo, 'apt-get'];
  run(cmd, [...pre, 'update', '-qq'], { env });
  run(cmd, [...pre, 'install', '-y', '-qq', ...missing], { env });
}

ensureAptPackages();
run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
run('npx', ['eslint', '.']);
run('npx', ['prettier', '--check', '.']);
run(process.execPath, ['scripts/build.mjs']);
run('npx', ['vitest', 'run']);
