/**
 * The TAXII 2.1 feed against a loopback server serving the medallion
 * sample: discovery, API root, collections, paged Get Objects, auth, the
 * cursor across restarts, quarantine, and TLS with a CA of its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runTaxii, type RunningTaxiiFeed } from '../../../../main/connectors/taxii/taxii-feed';
import { AlertCache } from '../../../../main/store/alert-cache';
import { samplePath } from '../../../support/samples';
import { collect, feedConfig, feedRun, newCachePath, total, type FeedRun } from '../feed-harness';
import { startTaxiiServer, type TaxiiServer } from './taxii-server';

const HIGH_VALUE = '91a7b528-80eb-42ed-a74d-c6fbd5a26116';
const BASIC = `Basic ${Buffer.from('analyst:s3cret-pass').toString('base64')}`;
const sample = JSON.parse(
  readFileSync(samplePath('taxii21', 'medallion_default_data.json'), 'utf8'),
) as { trustgroup1: { collections: { id: string; manifest: { date_added: string }[] }[] } };
const manifest = sample.trustgroup1.collections.find((c) => c.id === HIGH_VALUE)!.manifest;
const lastAdded = manifest
  .map((entry) => entry.date_added)
  .sort()
  .at(-1)!;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  delete process.env.TAXII_TEST_PASSWORD;
});

async function server(options: Parameters<typeof startTaxiiServer>[0] = { authorization: BASIC }) {
  const started = await startTaxiiServer(options);
  cleanups.push(() => started.close());
  return started;
}

/** Runs the feed until its first poll ends in `state`, then stops it. */
async function pollOnce(
  taxii: TaxiiServer,
  cachePath: string,
  options: Record<string, unknown> = {},
  state = 'connected',
): Promise<FeedRun> {
  process.env.TAXII_TEST_PASSWORD = 's3cret-pass';
  const feed = feedConfig('taxii21', {
    url: taxii.url,
    auth: { type: 'basic', user: 'analyst', passwordEnv: 'TAXII_TEST_PASSWORD' },
    pageSize: 2,
    tlp: 'green',
    ...options,
  });
  const run = feedRun(cachePath);
  const running: RunningTaxiiFeed = runTaxii(
    feed,
    { id: 'intel', type: 'taxii21', tlp: feed.tlp },
    run.deps,
    collect(run),
  );
  await run.reached(state);
  running.stop();
  await running.loop.done;
  run.cache.close();
  return run;
}

describe('TAXII 2.1 feed', () => {
  it('discovers the default API root, reads every readable collection and follows the pages', async () => {
    const taxii = await server();
    const run = await pollOnce(taxii, newCachePath());

    const paths = taxii.requests.map((request) => request.path);
    expect(paths.slice(0, 3)).toEqual(['/taxii2/', '/trustgroup1/', '/trustgroup1/collections/']);
    const objectPaths = new Set(paths.filter((path) => path.endsWith('/objects/')));
    // The three collections with can_read true; the two others are never asked for.
    expect(objectPaths.size).toBe(3);
    const pages = taxii.requests.filter((r) => r.path.includes(HIGH_VALUE));
    expect(pages.map((r) => r.query.get('next'))).toEqual([null, '2', '4', '6']);
    expect(pages.every((r) => r.query.get('limit') === '2' && !r.query.has('added_after'))).toBe(
      true,
    );
    expect(taxii.requests.every((r) => r.accept === 'application/taxii+json;version=2.1')).toBe(
      true,
    );
    expect(taxii.requests.every((r) => r.authorization === BASIC)).toBe(true);

    // 8 object versions in 4 pages: two indicators make alerts. indicator--6770298f comes in
    // three versions: two on page 2 (the newer kept), the third on page 4 (already known).
    expect(run.summaries).toHaveLength(4);
    expect(total(run, 'inserted')).toBe(2);
    expect(total(run, 'duplicates')).toBe(1);
    expect(run.states).toEqual(['connecting', 'connected', 'idle']);
  });

  it('keeps the committed X-TAXII-Date-Added-Last and asks only for what was added after it', async () => {
    const taxii = await server();
    const cachePath = newCachePath();
    await pollOnce(taxii, cachePath);
    const firstRun = taxii.requests.length;

    const again = await pollOnce(taxii, cachePath);
    const resumed = taxii.requests.slice(firstRun).filter((r) => r.path.includes(HIGH_VALUE));
    expect(resumed.map((r) => r.query.get('added_after'))).toEqual([lastAdded]);
    expect(again.summaries).toEqual([]);

    taxii.add(
      HIGH_VALUE,
      {
        type: 'indicator',
        spec_version: '2.1',
        id: 'indicator--2f0e6a8c-6c55-4b5a-9b0e-1b0c5d1f1a11',
        created: '2018-01-02T00:00:00.000Z',
        modified: '2018-01-02T00:00:00.000Z',
        name: 'C2 address',
        pattern: "[ipv4-addr:value = '198.51.100.77']",
        pattern_type: 'stix',
        valid_from: '2018-01-02T00:00:00Z',
      },
      '2018-01-03T00:00:00.000000Z',
    );
    const third = await pollOnce(taxii, cachePath);
    expect(total(third, 'inserted')).toBe(1);
    expect(total(third, 'duplicates')).toBe(0);
  });

  it('resumes after a failure mid-collection at the first page not committed, doubling nothing', async () => {
    const taxii = await server();
    const cachePath = newCachePath();
    taxii.failPages(2, 1000);
    const broken = await pollOnce(taxii, cachePath, {}, 'down');
    expect(broken.summaries).toHaveLength(2);
    const failedAt = taxii.requests.length;

    taxii.failPages(0, 0);
    const resumed = await pollOnce(taxii, cachePath);
    const pages = taxii.requests.slice(failedAt).filter((r) => r.path.includes(HIGH_VALUE));
    // Pages 1 and 2 ended at the 4th date added; the rest is asked for from there.
    const sorted = manifest.map((entry) => entry.date_added).sort();
    expect(pages[0]?.query.get('added_after')).toBe(sorted[3]);
    expect(resumed.summaries).toHaveLength(2);
    const served = [...broken.summaries, ...resumed.summaries].reduce((n, s) => n + s.records, 0);
    expect(served).toBe(4);
  });

  it('is refused without credentials (401), says so, and reads with a bearer token', async () => {
    const taxii = await server({ authorization: 'Bearer t0ken-abc' });
    const denied = await pollOnce(taxii, newCachePath(), {}, 'down');
    const entry = denied.health.snapshot([]).find((feed) => feed.id === 'intel');
    expect(entry?.lastError).toMatch(/401 unauthorized/);
    expect(entry?.lastError).not.toContain('s3cret');

    process.env.TAXII_TOKEN_TEST = 't0ken-abc';
    cleanups.push(() => void delete process.env.TAXII_TOKEN_TEST);
    const run = await pollOnce(taxii, newCachePath(), {
      auth: { type: 'bearer', tokenEnv: 'TAXII_TOKEN_TEST' },
    });
    expect(total(run, 'inserted')).toBe(2);
  });

  it('is down, naming the variable, while the secret is not set', async () => {
    const taxii = await server();
    const run = await pollOnce(
      taxii,
      newCachePath(),
      {
        auth: { type: 'bearer', tokenEnv: 'TAXII_UNSET_TEST' },
      },
      'down',
    );
    expect(run.health.snapshot([])[0]?.lastError).toBe(
      'environment variable TAXII_UNSET_TEST is not set',
    );
    expect(taxii.requests).toEqual([]);
  });

  it('never follows a discovery answer to another origin with its credentials', async () => {
    const taxii = await server({ authorization: BASIC, discoveryBase: 'http://127.0.0.2:9' });
    const run = await pollOnce(taxii, newCachePath(), {}, 'down');
    expect(run.health.snapshot([])[0]?.lastError).toMatch(/on another origin; set "apiRoot"/);
    expect(taxii.requests.map((request) => request.path)).toEqual(['/taxii2/']);
  });

  it('reads only the named collection of a named API root', async () => {
    const taxii = await server();
    await pollOnce(taxii, newCachePath(), {
      apiRoot: '/trustgroup1/',
      collections: ['High Value Indicator Collection'],
    });
    expect(taxii.requests[0]?.path).toBe('/trustgroup1/');
    const objectPaths = new Set(
      taxii.requests.filter((r) => r.path.endsWith('/objects/')).map((r) => r.path),
    );
    expect([...objectPaths]).toEqual([`/trustgroup1/collections/${HIGH_VALUE}/objects/`]);
  });

  it('quarantines a malformed object with the reason and keeps the rest of its page', async () => {
    const taxii = await server();
    taxii.add(
      HIGH_VALUE,
      { type: 'indicator', id: 'indicator--not-a-uuid', created: 'yesterday' },
      '2018-02-01T00:00:00.000000Z',
    );
    const cachePath = newCachePath();
    const run = await pollOnce(taxii, cachePath, { pageSize: 100 });
    expect(total(run, 'inserted')).toBe(2);
    expect(total(run, 'quarantined')).toBe(1);
    const cache = AlertCache.open(cachePath);
    cleanups.push(() => cache.close());
    const [entry] = cache.listQuarantine(10);
    expect(entry).toMatchObject({ feed: 'intel', reason: expect.stringMatching(/^stix21: /) });
    expect(entry?.raw).toContain('indicator--not-a-uuid');
  });

  it('trusts a server certificate signed by the CA file it names, and no other', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagebild-taxii-tls-'));
    const [cert, key] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    const taxii = await server({
      authorization: BASIC,
      tls: { cert: readFileSync(cert, 'utf8'), key: readFileSync(key, 'utf8') },
    });
    expect(taxii.url.startsWith('https://127.0.0.1:')).toBe(true);

    const untrusted = await pollOnce(taxii, newCachePath(), {}, 'down');
    expect(untrusted.health.snapshot([])[0]?.lastError).toMatch(/self.signed|certificate/i);

    const trusted = await pollOnce(taxii, newCachePath(), { tls: { ca: cert } });
    expect(total(trusted, 'inserted')).toBe(2);
  });
});
