/**
 * `lagebild export` and `publish` end to end over a real sample: each
 * format, the TLP ceiling withholding what lies above it, progress on
 * stderr, a TAXII collection on loopback, and usage errors.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runLagebild } from '../../support/run-cli';
import { samplePath } from '../../support/samples';
import { taxiiServer, TOKEN_ENV } from '../export/taxii-fake';

let dir: string;
let cache: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lagebild-export-cli-'));
  cache = join(dir, 'cache.sqlite');
  const run = runLagebild([
    'import',
    '--cache',
    cache,
    '--tlp',
    'amber',
    samplePath('suricata-eve'),
  ]);
  expect(run.status, run.stderr).toBe(0);
}, 120_000);

function exportTo(name: string, ...args: string[]) {
  const out = join(dir, name);
  const run = runLagebild(['export', '--cache', cache, '--out', out, ...args]);
  return { run, out };
}

describe('lagebild export', () => {
  it('writes a STIX bundle of the alerts under the ceiling, and withholds the rest', () => {
    const amber = exportTo('amber.json', '--format', 'stix', '--tlp', 'amber');
    expect(amber.run.status, amber.run.stderr).toBe(0);
    expect(amber.run.stderr).toMatch(
      /exported \d+ incident\(s\), 6 alert\(s\) as stix .* 0 withheld/,
    );
    const bundle = JSON.parse(readFileSync(amber.out, 'utf8'));
    expect(bundle.type).toBe('bundle');
    expect(bundle.objects.filter((o: { type: string }) => o.type === 'sighting')).toHaveLength(6);

    // The default ceiling is GREEN: the AMBER import stays home.
    const green = exportTo('green.json', '--format', 'stix');
    expect(green.run.status, green.run.stderr).toBe(0);
    expect(green.run.stderr).toMatch(
      /exported 0 incident\(s\), 0 alert\(s\).* 6 withheld above TLP:GREEN/,
    );
    const empty = JSON.parse(readFileSync(green.out, 'utf8'));
    expect(empty.objects.some((o: { type: string }) => o.type === 'sighting')).toBe(false);
  });

  it('writes CSV with a header and one row per alert, and a MISP event', () => {
    const csv = exportTo(
      'alerts.csv',
      '--format',
      'csv',
      '--tlp',
      'red',
      '--severity',
      'high,critical,medium,low,info',
    );
    expect(csv.run.status, csv.run.stderr).toBe(0);
    const lines = readFileSync(csv.out, 'utf8').split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^incident_id,alert_id,observed_at,severity/);
    expect(lines).toHaveLength(7);

    const misp = exportTo('event.json', '--format', 'misp', '--tlp', 'amber');
    expect(misp.run.status, misp.run.stderr).toBe(0);
    const event = JSON.parse(readFileSync(misp.out, 'utf8')).Event;
    expect(event.Tag).toEqual([{ name: 'tlp:amber' }]);
    expect(event.Attribute.length).toBeGreaterThan(0);
  });

  it('shows progress on stderr when asked', () => {
    const run = exportTo('progress.json', '--format', 'stix', '--tlp', 'amber', '--progress');
    expect(run.run.status, run.run.stderr).toBe(0);
    expect(run.run.stderr).toMatch(/^export: 6\/6 \(100%\)$/m);
  });

  it('shows per-file progress of an import on stderr when asked', () => {
    const run = runLagebild([
      'import',
      '--cache',
      join(dir, 'zeek.sqlite'),
      '--progress',
      samplePath('zeek'),
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^import files: 1\/4 \(25%\)$/m);
    expect(run.stderr).toMatch(/^import files: 4\/4 \(100%\)$/m);
    expect(run.stdout).not.toMatch(/import files:/);
  });

  it('refuses a missing format or a wrong ceiling as usage errors', () => {
    expect(runLagebild(['export', '--cache', cache]).status).toBe(2);
    const wrong = runLagebild(['export', '--cache', cache, '--format', 'stix', '--tlp', 'white']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/--tlp must be one of/);
  });

  it('never writes over the cache, and leaves no half file where it cannot write', () => {
    const before = readFileSync(cache);
    const overCache = runLagebild(['export', '--cache', cache, '--format', 'csv', '--out', cache]);
    expect(overCache.status).toBe(2);
    expect(overCache.stderr).toMatch(/is the cache itself/);
    expect(readFileSync(cache).equals(before)).toBe(true);

    const intoDirectory = exportTo('.', '--format', 'csv');
    expect(intoDirectory.run.status).toBe(1);
    expect(intoDirectory.run.stderr).toMatch(/cannot write/);
    expect(existsSync(`${intoDirectory.out}.partial`)).toBe(false);
  });
});

describe('lagebild publish', () => {
  it('sends the selection to the configured collection and reports how it was taken', async () => {
    const server = await taxiiServer(1);
    try {
      const config = join(dir, 'sharing.json');
      const { name, url, collection, auth } = server.destination;
      writeFileSync(
        config,
        JSON.stringify({ sharing: { taxii: [{ name, url, collection, auth }] } }),
      );
      const args = [
        'publish',
        '--cache',
        cache,
        '--config',
        config,
        '--to',
        name,
        '--tlp',
        'amber',
      ];
      // The server runs in this process, so the command runs asynchronously beside it.
      const run = await runLagebildAsync(args, { [TOKEN_ENV]: 't0ken' });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(
        /^partners: complete, \d+ taken, 0 refused, 0 pending; 0 alert\(s\) withheld/m,
      );
      expect(server.received().filter((object) => object.id.startsWith('sighting--'))).toHaveLength(
        6,
      );

      const unknown = await runLagebildAsync([...args.slice(0, 5), '--to', 'nobody'], {});
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toMatch(/no TAXII destination "nobody"/);
      const noToken = await runLagebildAsync(args, {});
      expect(noToken.status).toBe(1);
      expect(noToken.stderr).toMatch(/LAGEBILD_TEST_TAXII_TOKEN is not set/);
    } finally {
      await server.close();
    }
  });
});

/** Runs the command without blocking this process's event loop. */
function runLagebildAsync(args: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['bin/lagebild.mjs', ...args], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      env: { ...process.env, [TOKEN_ENV]: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
