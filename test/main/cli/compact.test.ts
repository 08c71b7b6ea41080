/**
 * `lagebild compact` over a cache of the real EVE samples: it says what
 * retention removed and why, the size before and after, and keeps all
 * when no limit is set.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runLagebild } from '../../support/run-cli';
import { samplePath } from '../../support/samples';

let dir: string;
let cache: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lagebild-compact-'));
  cache = join(dir, 'cache.sqlite');
  const imported = runLagebild(['import', '--cache', cache, samplePath('suricata-eve')]);
  expect(imported.status, imported.stderr).toBe(0);
});

function alerts(): number {
  const run = runLagebild(['stats', '--cache', cache, '--json']);
  expect(run.status, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { alerts: number }).alerts;
}

describe('lagebild compact', () => {
  it('keeps every alert without a limit, and says so', () => {
    const run = runLagebild(['compact', '--cache', cache]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/: [\d.]+ [KM]B, 6 alerts/);
    expect(run.stdout).toMatch(/retention: nothing removed \(no limit set, every alert kept\)/);
    expect(run.stdout).toMatch(
      /compacted: [\d.]+ [KM]B -> [\d.]+ [KM]B \([\d.]+ [KM]B given back\), 6 alerts kept/,
    );
    expect(alerts()).toBe(6);
  });

  it('applies the age limit of a configuration and reports what went', () => {
    // The samples were recorded years ago: a 30-day limit removes them all.
    const config = join(dir, 'lagebild.yaml');
    writeFileSync(config, 'retention:\n  maxAgeDays: 30\n');
    const run = runLagebild(['compact', '--cache', cache, '--config', config]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /retention: removed 6 alerts, \d+ incidents and 0 quarantined records observed before \S+ \(the age limit\)/,
    );
    expect(run.stdout).toMatch(/0 alerts kept/);
    expect(alerts()).toBe(0);
  });

  it('takes limits on the command line and refuses bad ones', () => {
    const bad = runLagebild(['compact', '--cache', cache, '--max-age-days', 'soon']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--max-age-days must be a positive number/);
    expect(runLagebild(['compact']).status).toBe(2);
    expect(runLagebild(['compact', '--cache', join(dir, 'none.sqlite')]).status).toBe(1);
    const run = runLagebild(['compact', '--cache', cache, '--max-age-days', '36500']);
    expect(run.stdout).toMatch(/nothing removed \(limits 36500 days\)/);
    expect(alerts()).toBe(6);
  });
});
