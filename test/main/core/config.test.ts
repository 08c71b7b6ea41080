import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfigFile, parseConfig } from '../../../main/core/config';
import { defaultConfig } from '../../../main/core/default-config';

function configFile(value: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'config-')), 'lagebild.json');
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

describe('configuration', () => {
  it('resolves relative paths against the file and fills defaults', () => {
    const path = configFile({
      cache: 'c.sqlite',
      feeds: [{ id: 'eve', type: 'file-tail', path: 'eve.json' }],
    });
    const config = loadConfigFile(path);
    expect(config.cache).toBe(join(path, '..', 'c.sqlite'));
    expect(config.feeds[0]).toMatchObject({
      path: join(path, '..', 'eve.json'),
      tlp: 'amber',
      pollMs: 200,
    });
    expect(config.serve).toEqual({ host: '127.0.0.1', port: 4173, allowedHosts: [] });
  });

  it('reads YAML as well, with the same checks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-'));
    const path = join(dir, 'lagebild.yaml');
    writeFileSync(
      path,
      'feeds:\n  - id: eve\n    type: file-tail\n    path: eve.json\n    tlp: green\n',
    );
    expect(loadConfigFile(path).feeds[0]).toMatchObject({
      path: join(dir, 'eve.json'),
      tlp: 'green',
    });
    const bad = join(dir, 'bad.yml');
    writeFileSync(bad, 'feeds:\n  - id: eve\n    type: file-tail\n');
    expect(() => loadConfigFile(bad)).toThrow(/bad\.yml: feed "eve": path/);
    writeFileSync(bad, 'feeds: [unclosed\n');
    expect(() => loadConfigFile(bad)).toThrow(/bad\.yml: cannot read configuration/);
  });

  it('names the file, the feed and the key of a mistake', () => {
    const path = configFile({
      feeds: [{ id: 'sensor-7', type: 'file-tail', path: 'x', pollMs: 'fast' }],
    });
    expect(() => loadConfigFile(path)).toThrow(ConfigError);
    expect(() => loadConfigFile(path)).toThrow(`${path}: feed "sensor-7": pollMs:`);
  });

  it('trusts Lagebild alert ids only on a file-import feed that says so', () => {
    const feed = { id: 'bundles', type: 'file-import', paths: ['p'] };
    const read = (extra: object) => parseConfig({ feeds: [{ ...feed, ...extra }] }, 'x.json', '/');
    expect(read({}).feeds[0]).toMatchObject({ trustLagebildIds: false });
    expect(read({ trustLagebildIds: true }).feeds[0]).toMatchObject({ trustLagebildIds: true });
    expect(() => read({ trustLagebildIds: 'yes' })).toThrow(/trustLagebildIds/);
    const tail = { id: 'eve', type: 'file-tail', path: 'eve.json', trustLagebildIds: true };
    expect(() => parseConfig({ feeds: [tail] }, 'x.json', '/')).toThrow(/x\.json/);
  });

  it('refuses unknown keys, duplicate feed ids and unreadable files', () => {
    expect(() => parseConfig({ feeds: [], colour: 'red' }, 'x.json', '/')).toThrow(/x\.json/);
    const twice = { feeds: [1, 2].map(() => ({ id: 'a', type: 'file-import', paths: ['p'] })) };
    expect(() => parseConfig(twice, 'x.json', '/')).toThrow('feed "a" is defined twice');
    expect(() => loadConfigFile(configFile('{ not json'))).toThrow(/cannot read configuration/);
  });

  it('never takes a token itself, only the name of a variable that holds it', () => {
    expect(() => parseConfig({ serve: { token: 'secret' } }, 'x.json', '/')).toThrow(ConfigError);
    expect(parseConfig({ serve: { tokenEnv: 'SOC_TOKEN' } }, 'x.json', '/').serve.tokenEnv).toBe(
      'SOC_TOKEN',
    );
  });

  it('announces critical incidents unless told otherwise, and checks the level', () => {
    expect(parseConfig({}, 'x.json', '/').notifications).toEqual({ minSeverity: 'critical' });
    expect(
      parseConfig({ notifications: { minSeverity: 'off' } }, 'x.json', '/').notifications,
    ).toEqual({ minSeverity: 'off' });
    expect(() => parseConfig({ notifications: { minSeverity: 'loud' } }, 'x.json', '/')).toThrow(
      /x\.json: notifications\.minSeverity/,
    );
  });

  it('has an embedded default that imports the bundled samples', () => {
    const config = defaultConfig();
    expect(config.feeds).toHaveLength(1);
    expect(config.feeds[0]).toMatchObject({ id: 'samples', type: 'file-import', tlp: 'clear' });
  });
});
