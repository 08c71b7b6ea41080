/**
 * Publishing to a TAXII 2.1 collection on a loopback server: the envelope
 * POSTed with the TAXII media type and credentials, the status polled
 * until complete, failures and a server that never finishes reported, and
 * nothing above the ceiling sent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SharingConfig } from '../../../main/core/sharing-config';
import { publishSelection, shareDestinations } from '../../../main/export/sharing';
import { publishObjects } from '../../../main/export/taxii-publish';
import type { AlertCache } from '../../../main/store/alert-cache';
import { samplePath } from '../../support/samples';
import { freshCache, importInto } from './export-harness';
import { taxiiServer as startFake, TOKEN_ENV } from './taxii-fake';

const MEDIA_TYPE = 'application/taxii+json;version=2.1';

const closers: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function taxiiServer(pollsToComplete: number, refuse: string[] = []) {
  const server = await startFake(pollsToComplete, refuse);
  closers.push(() => server.close());
  return server;
}

const env = { [TOKEN_ENV]: 't0ken' };
const noWait = { sleep: async () => {}, env };

async function cacheWithSample(): Promise<AlertCache> {
  const cache = freshCache();
  closers.push(() => cache.close());
  await importInto(cache, [samplePath('suricata-eve')], 'eve', 'amber');
  return cache;
}

describe('TAXII publish', () => {
  it('posts the envelope and polls the status until complete', async () => {
    const server = await taxiiServer(2);
    const objects = [{ type: 'identity', id: 'identity--0b5c8e1a-2f47-5d93-8c61-7e4a9b3d2f18' }];
    const pauses: number[] = [];
    const result = await publishObjects(server.destination, objects, {
      env,
      firstPauseMs: 50,
      sleep: async (ms) => void pauses.push(ms),
    });
    expect(result).toMatchObject({ status: 'complete', successCount: 1, failureCount: 0 });
    expect(pauses).toEqual([50, 100]);
    const [post, ...gets] = server.seen;
    expect(post).toMatchObject({
      method: 'POST',
      contentType: MEDIA_TYPE,
      authorization: 'Bearer t0ken',
    });
    expect(JSON.parse(post!.body)).toEqual({ objects });
    expect(gets.map((get) => get.path)).toEqual([
      '/api1/status/status-1/',
      '/api1/status/status-1/',
    ]);
  });

  it('reports pending when the server does not finish within the polls allowed', async () => {
    const server = await taxiiServer(100);
    const result = await publishObjects(server.destination, [{ id: 'x--1' }], {
      ...noWait,
      maxPolls: 3,
    });
    expect(result).toMatchObject({ status: 'pending', pendingCount: 1 });
    expect(server.seen).toHaveLength(4);
  });

  it('publishes a selection under its ceiling and counts refusals and withheld alerts', async () => {
    const cache = await cacheWithSample();
    const server = await taxiiServer(1);
    const sharing: SharingConfig = { organisation: 'CERT Example', taxii: [server.destination] };
    expect(shareDestinations(sharing)).toEqual([{ name: 'partners', title: 'Partner ISAC' }]);

    const result = await publishSelection(cache, sharing, 'partners', { tlp: 'amber' }, noWait);
    expect(result).toMatchObject({ destination: 'partners', status: 'complete', withheld: 0 });
    expect(result.successCount).toBe(server.received().length);
    expect(server.received().filter((o) => o.id.startsWith('sighting--'))).toHaveLength(6);

    // Under GREEN nothing of the AMBER sample may leave, so nothing is sent.
    const green = await publishSelection(cache, sharing, 'partners', { tlp: 'green' }, noWait);
    expect(green).toMatchObject({ withheld: 6, successCount: 0 });
    expect(server.seen.filter((request) => request.method === 'POST')).toHaveLength(1);
  });

  it('says which objects the server refused', async () => {
    const cache = await cacheWithSample();
    const server = await taxiiServer(1, []);
    const sharing: SharingConfig = { taxii: [server.destination] };
    const first = await publishSelection(cache, sharing, 'partners', { tlp: 'red' }, noWait);
    const refused = server.received()[0]!.id;
    const strict = await taxiiServer(1, [refused]);
    const again = await publishSelection(
      cache,
      { taxii: [strict.destination] },
      'partners',
      { tlp: 'red' },
      noWait,
    );
    expect(first.failureCount).toBe(0);
    expect(again).toMatchObject({
      failureCount: 1,
      failures: [{ id: refused, message: 'not wanted' }],
    });
  });

  it('fails naming the variable when the token is missing, without sending anything', async () => {
    const server = await taxiiServer(1);
    await expect(
      publishObjects(server.destination, [], { sleep: async () => {}, env: {} }),
    ).rejects.toThrow(/LAGEBILD_TEST_TAXII_TOKEN/);
    expect(server.seen).toHaveLength(0);
  });
});
