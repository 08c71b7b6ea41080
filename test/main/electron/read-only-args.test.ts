/**
 * The desktop's read-only review: `--read-only` on the command line, and
 * the arguments File > Open cache read-only… restarts the app with.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLaunchArgs, readOnlyRelaunchArgs } from '../../../main/electron/args';

const CWD = resolve('/home/analyst');

describe('read-only launch', () => {
  it('reads --read-only beside --cache', () => {
    const argv = ['/opt/Lagebild/lagebild', '--read-only', '--cache', 'old.sqlite'];
    expect(parseLaunchArgs(argv, CWD)).toEqual({
      readOnly: true,
      cachePath: resolve(CWD, 'old.sqlite'),
    });
  });

  it('restarts on the chosen file, keeping other flags and dropping the old cache and wall', () => {
    const dev = ['/opt/electron', '.', '--cache', 'a.sqlite', '--config=/etc/l.json', '--wall=ops'];
    expect(readOnlyRelaunchArgs(dev, '/data/b.sqlite')).toEqual([
      '.',
      '--config=/etc/l.json',
      '--cache',
      '/data/b.sqlite',
      '--read-only',
    ]);
    const again = [
      '/opt/Lagebild/lagebild',
      '--cache=/data/b.sqlite',
      '--read-only',
      '--no-sandbox',
    ];
    const args = readOnlyRelaunchArgs(again, '/data/c.sqlite');
    expect(args).toEqual(['--no-sandbox', '--cache', '/data/c.sqlite', '--read-only']);
    expect(parseLaunchArgs(['/opt/Lagebild/lagebild', ...args], CWD)).toEqual({
      cachePath: '/data/c.sqlite',
      readOnly: true,
    });
  });
});
