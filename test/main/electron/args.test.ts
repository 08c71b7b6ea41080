import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LaunchArgsError, parseLaunchArgs } from '../../../main/electron/args';

const CWD = resolve('/home/analyst');

describe('desktop launch arguments', () => {
  it('reads both flags in either form, wherever Electron puts them', () => {
    const dev = [
      '/opt/electron',
      '--inspect=0',
      '.',
      '--cache',
      'c.sqlite',
      '--config=/etc/l.json',
    ];
    expect(parseLaunchArgs(dev, CWD)).toEqual({
      cachePath: resolve(CWD, 'c.sqlite'),
      configPath: resolve('/etc/l.json'),
    });
    const packaged = ['/opt/Lagebild/lagebild', '--config', 'conf/l.json', '--no-sandbox'];
    expect(parseLaunchArgs(packaged, CWD)).toEqual({ configPath: resolve(CWD, 'conf/l.json') });
  });

  it('ignores everything that is not ours', () => {
    const argv = ['/opt/electron', '--enable-logging', '--cache-dir=/x', '-psn_0_1', 'file.txt'];
    expect(parseLaunchArgs(argv, CWD)).toEqual({});
  });

  it('refuses a flag without a file name', () => {
    expect(() => parseLaunchArgs(['app', '--cache'], CWD)).toThrow(LaunchArgsError);
    expect(() => parseLaunchArgs(['app', '--cache='], CWD)).toThrow('--cache needs a file name');
    expect(() => parseLaunchArgs(['app', '--config', '--cache', 'x'], CWD)).toThrow(
      '--config needs a file name',
    );
  });

  it('refuses a flag given twice', () => {
    expect(() => parseLaunchArgs(['app', '--cache', 'a', '--cache=b'], CWD)).toThrow(
      '--cache is given twice',
    );
  });

  it('keeps spaces and equals signs inside the file name', () => {
    expect(parseLaunchArgs(['app', '--cache=my cache=1.sqlite'], CWD)).toEqual({
      cachePath: resolve(CWD, 'my cache=1.sqlite'),
    });
  });

  it('reads the wall profile by name, refusing what is not one', () => {
    expect(parseLaunchArgs(['electron', '.', '--wall', 'soc-main'], '/home')).toEqual({
      wall: 'soc-main',
    });
    expect(parseLaunchArgs(['electron', '--wall=lobby'], '/home')).toEqual({ wall: 'lobby' });
    expect(() => parseLaunchArgs(['electron', '--wall', '../x'], '/home')).toThrow(/profile name/);
    expect(() => parseLaunchArgs(['electron', '--wall'], '/home')).toThrow(/needs a profile name/);
  });
});
