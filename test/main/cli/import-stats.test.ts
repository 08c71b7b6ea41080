/**
 * The command line over the real samples: exact counts, idempotent
 * re-import, quarantine of bad records, the stats contract and exit codes.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runLagebild } from '../../support/run-cli';
import { samplePath, SAMPLES_DIR } from '../../support/samples';

let dir: string;
let cache: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lagebild-cli-'));
  cache = join(dir, 'cache.sqlite');
});

function stats(): Record<string, unknown> & { alerts: number; quarantined: number } {
  const run = runLagebild(['stats', '--cache', cache, '--json']);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

describe('lagebild import and stats', () => {
  it('imports the EVE samples with the exact alert count, and adds nothing the second time', () => {
    const first = runLagebild(['import', '--cache', cache, samplePath('suricata-eve')]);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/6 new alert\(s\), 0 already cached, 0 quarantined/);
    expect(first.stdout).toMatch(/not alerts: .*dns 23/);
    const again = runLagebild(['import', '--cache', cache, samplePath('suricata-eve')]);
    expect(again.stdout).toMatch(/0 new alert\(s\), 6 already cached/);
    expect(stats()).toMatchObject({
      alerts: 6,
      quarantined: 0,
      byKind: { alert: 6 },
      byFeed: { import: 6 },
    });
  });

  it('prints every key of the stats contract', () => {
    runLagebild([
      'import',
      '--cache',
      cache,
      '--tlp',
      'green',
      samplePath('stix21', 'cti-documentation'),
    ]);
    const result = stats();
    for (const key of [
      'alerts',
      'quarantined',
      'byKind',
      'bySeverity',
      'byCountry',
      'bySector',
      'byTlp',
      'byFeed',
      'incidents',
      'byStatus',
    ]) {
      expect(result).toHaveProperty(key);
    }
    expect(result.byKind).toEqual({ indicator: 42, sighting: 2 });
    expect(result.bySector).toMatchObject({ technology: 2 });
    // Unmarked objects take --tlp; the marked ones keep their own marking.
    expect(result.byTlp).toEqual({ green: 42, red: 1, amber: 1 });
  });

  it('quarantines every nasty-json file forced as EVE, once, and keeps no alert', () => {
    const nasty = samplePath('nasty-json');
    const files = readdirSync(nasty).length;
    for (let i = 0; i < 2; i += 1) {
      const run = runLagebild(['import', '--cache', cache, '--format', 'eve', nasty]);
      expect(run.status, run.stderr).toBe(0);
    }
    expect(stats()).toMatchObject({ alerts: 0, quarantined: files });
  });

  it('goes through every sample file without failing, whatever it holds', () => {
    const run = runLagebild(['import', '--cache', cache, SAMPLES_DIR]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const result = stats();
    expect(result.alerts).toBeGreaterThan(50);
    expect(result.quarantined).toBeGreaterThan(0);
  });

  it('quarantines what it cannot read, with the reason, and imports the rest', () => {
    const data = join(dir, 'data');
    mkdirSync(join(data, 'sub'), { recursive: true });
    copyFileSync(
      samplePath('suricata-eve', 'suricata-verify_alert-testmyids_expected_eve.json'),
      join(data, 'sub', 'eve.json'),
    );
    symlinkSync('loop-b', join(data, 'loop-a'));
    symlinkSync('loop-a', join(data, 'loop-b'));
    symlinkSync('gone.json', join(data, 'dangling.json'));
    // A link back to an ancestor is entered once, not until the path is too long.
    symlinkSync('..', join(data, 'sub', 'up'));
    const run = runLagebild(['import', '--cache', cache, data, '/dev/null']);
    expect(run.status, run.stderr).toBe(0);
    expect(stats()).toMatchObject({ alerts: 1, quarantined: 4 });
  });

  it("keeps a Lagebild bundle's alert ids only with --trust-lagebild-ids", () => {
    const eve = runLagebild(['import', '--cache', cache, samplePath('suricata-eve')]);
    expect(eve.status, eve.stderr).toBe(0);
    const bundle = join(dir, 'bundle.json');
    const exported = runLagebild([
      'export',
      '--cache',
      cache,
      '--format',
      'stix',
      '--tlp',
      'amber',
      '--out',
      bundle,
    ]);
    expect(exported.status, exported.stderr).toBe(0);
    // Trusted, the bundle names the alerts already cached; untrusted, it makes its own.
    const trusted = runLagebild(['import', '--cache', cache, '--trust-lagebild-ids', bundle]);
    expect(trusted.stdout).toMatch(/0 new alert\(s\), 6 already cached/);
    const untrusted = runLagebild(['import', '--cache', cache, bundle]);
    expect(untrusted.stdout).toMatch(/6 new alert\(s\), 0 already cached/);
  });

  it('fails with a clear message on a missing path, an unusable cache or wrong usage', () => {
    const missing = runLagebild(['import', '--cache', cache, join(dir, 'nope.json')]);
    expect(missing).toMatchObject({ status: 1 });
    expect(missing.stderr).toContain('no such file or directory');
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, 'this is not a database, it is a text file '.repeat(200));
    const damaged = runLagebild(['import', '--cache', garbage, samplePath('suricata-eve')]);
    expect(damaged.status).toBe(1);
    expect(damaged.stderr).toMatch(/damaged/);
    expect(runLagebild(['import', samplePath('suricata-eve')]).status).toBe(2);
    expect(runLagebild(['import', '--cache', cache, '--format', 'xml', dir]).status).toBe(2);
    const longFeed = runLagebild(['import', '--cache', cache, '--feed', 'f'.repeat(65), dir]);
    expect(longFeed).toMatchObject({ status: 2, stderr: expect.stringMatching(/--feed/) });
    expect(runLagebild(['stats', '--cache', join(dir, 'none.sqlite')]).status).toBe(1);
    expect(runLagebild(['frobnicate']).status).toBe(2);
  });
});
