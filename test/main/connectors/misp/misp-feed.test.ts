/**
 * The MISP feed: a MISP feed made of the sample events (manifest.json and
 * <uuid>.json files) read from a folder and over loopback HTTP, and a
 * restSearch endpoint; the cursor across restarts, auth and quarantine.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runMisp } from '../../../../main/connectors/misp/misp-feed';
import { AlertCache } from '../../../../main/store/alert-cache';
import { samplePath } from '../../../support/samples';
import { collect, feedConfig, feedRun, newCachePath, total, type FeedRun } from '../feed-harness';

/** Sample events in the feed's own format ({"Event": ...}), and the alerts each makes. */
const FEED_EVENTS: Record<string, number> = {
  '57c4445b-c548-4654-af0b-4be3950d210f.json': 0,
  'osint_emotet_to_delete3.json': 19 + 24,
  'osint_sunorcal_to_delete1.json': 4 + 2,
  'sighting_1.json': 5 + 2,
};
const ALL_ALERTS = Object.values(FEED_EVENTS).reduce((a, b) => a + b, 0);
const BROKEN_UUID = '0d8f1e52-7c7a-4b8e-9c1e-3f2a1b0c9d8e';

type EventBody = { uuid: string; info: string; timestamp: string; Attribute: object[] };
const readEvent = (name: string) =>
  JSON.parse(readFileSync(samplePath('misp', 'events', name), 'utf8')) as { Event: EventBody };

/** A folder holding a MISP feed of the sample events and one malformed event. */
function makeFeedDir(): {
  dir: string;
  manifest: Record<string, { info: string; timestamp: string }>;
} {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-misp-feed-'));
  const manifest: Record<string, { info: string; timestamp: string }> = {};
  for (const name of Object.keys(FEED_EVENTS)) {
    const { Event } = readEvent(name);
    copyFileSync(samplePath('misp', 'events', name), join(dir, `${Event.uuid}.json`));
    manifest[Event.uuid] = { info: Event.info, timestamp: Event.timestamp };
  }
  // A malformed event: its timestamp is no epoch.
  const broken = { Event: { uuid: BROKEN_UUID, info: 'broken', timestamp: 'soon', Attribute: [] } };
  writeFileSync(join(dir, `${BROKEN_UUID}.json`), JSON.stringify(broken));
  manifest[BROKEN_UUID] = { info: 'broken', timestamp: '1600000000' };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'hashes.csv'), '');
  return { dir, manifest };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Starts a loopback HTTP server; `handle` answers, every request is kept. */
async function serve(
  handle: (request: IncomingMessage, body: string, response: ServerResponse) => void,
) {
  const seen: { path: string; body: string; authorization?: string }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ path: request.url ?? '', body, authorization: request.headers.authorization });
      handle(request, body, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, seen };
}

/** Runs the feed until its first poll ends in `state`, then stops it. */
async function pollOnce(cachePath: string, options: Record<string, unknown>, state = 'connected') {
  const feed = feedConfig('misp', { pollSeconds: 60, ...options });
  const run: FeedRun = feedRun(cachePath);
  const running = runMisp(
    feed,
    { id: 'intel', type: 'misp', tlp: feed.tlp },
    run.deps,
    collect(run),
  );
  await run.reached(state);
  running.stop();
  await running.loop.done;
  run.cache.close();
  return run;
}

describe('MISP feed from a folder', () => {
  it('reads every event once, quarantines the malformed one, and then only what changed', async () => {
    const { dir, manifest } = makeFeedDir();
    const cachePath = newCachePath();
    const first = await pollOnce(cachePath, { feedDir: dir });
    expect(total(first, 'inserted')).toBe(ALL_ALERTS);
    expect(total(first, 'quarantined')).toBe(1);

    const cache = AlertCache.open(cachePath);
    const [entry] = cache.listQuarantine(10);
    expect(entry).toMatchObject({
      position: `event ${BROKEN_UUID}`,
      reason: 'misp: MISP event: timestamp: not epoch seconds',
    });
    expect(cache.stats().incidents).toBe(3);
    cache.close();

    const again = await pollOnce(cachePath, { feedDir: dir });
    expect(again.summaries).toEqual([]);

    // The Sunorcal event changes: one more address, a new timestamp in file and manifest.
    const sunorcal = readEvent('osint_sunorcal_to_delete1.json');
    sunorcal.Event.timestamp = '1700000000';
    sunorcal.Event.Attribute.push({
      uuid: '6f1d2c3b-4a59-4e68-8f7a-0b1c2d3e4f50',
      type: 'ip-dst',
      value: '198.51.100.66',
      category: 'Network activity',
    });
    writeFileSync(join(dir, `${sunorcal.Event.uuid}.json`), JSON.stringify(sunorcal));
    manifest[sunorcal.Event.uuid]!.timestamp = '1700000000';
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const changed = await pollOnce(cachePath, { feedDir: dir });
    expect(total(changed, 'inserted')).toBe(1);
    expect(total(changed, 'duplicates')).toBe(FEED_EVENTS['osint_sunorcal_to_delete1.json']);
  });
});

describe('MISP feed over HTTP', () => {
  it('fetches the manifest and each event file once, and on restart the manifest alone', async () => {
    const { dir } = makeFeedDir();
    const server = await serve((request, _body, response) => {
      const name = (request.url ?? '').replace(/^\/feed\//, '');
      try {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(readFileSync(join(dir, name)));
      } catch {
        response.writeHead(404).end();
      }
    });
    const cachePath = newCachePath();
    const first = await pollOnce(cachePath, { feedUrl: `${server.url}feed/`, tlp: 'green' });
    expect(total(first, 'inserted')).toBe(ALL_ALERTS);
    expect(server.seen.map((r) => r.path).sort()).toEqual(
      [
        'manifest.json',
        ...Object.keys(FEED_EVENTS).map((name) => `${readEvent(name).Event.uuid}.json`),
        `${BROKEN_UUID}.json`,
      ]
        .map((name) => `/feed/${name}`)
        .sort(),
    );
    const before = server.seen.length;
    const again = await pollOnce(cachePath, { feedUrl: `${server.url}feed/` });
    expect(server.seen.slice(before).map((r) => r.path)).toEqual(['/feed/manifest.json']);
    expect(again.summaries).toEqual([]);
  });

  it('is down with the status when the server fails', async () => {
    const server = await serve((_request, _body, response) => response.writeHead(500).end());
    const run = await pollOnce(newCachePath(), { feedUrl: server.url }, 'down');
    expect(run.health.snapshot([])[0]?.lastError).toMatch(/manifest\.json: HTTP 500$/);
  });
});

describe('MISP feeds side by side', () => {
  it('reads one feed while another waits on a server that never answers', async () => {
    const server = await serve(() => {});
    const hanging = feedRun(newCachePath());
    const stuck = runMisp(
      feedConfig('misp', { id: 'stuck', feedUrl: server.url }),
      { id: 'stuck', type: 'misp', tlp: 'amber' },
      hanging.deps,
      collect(hanging),
    );
    const { dir } = makeFeedDir();
    const run = await pollOnce(newCachePath(), { feedDir: dir });
    expect(total(run, 'inserted')).toBe(ALL_ALERTS);
    expect(hanging.states).toEqual(['connecting']);
    stuck.stop();
    await stuck.loop.done;
    hanging.cache.close();
  });
});

describe('MISP REST API', () => {
  const KEY = 'misp-auth-key-0123456789';
  const events = Object.keys(FEED_EVENTS).map((name) => readEvent(name));

  /** restSearch as MISP answers it: events changed at or after `timestamp`, `limit` per page. */
  const restSearch = () =>
    serve((request, body, response) => {
      if (request.url !== '/events/restSearch' || request.method !== 'POST') {
        return void response.writeHead(404).end();
      }
      if (request.headers.authorization !== KEY) return void response.writeHead(401).end();
      const query = JSON.parse(body) as { page: number; limit: number; timestamp?: number };
      const matching = events.filter((e) => Number(e.Event.timestamp) >= (query.timestamp ?? 0));
      const page = matching.slice((query.page - 1) * query.limit, query.page * query.limit);
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ response: page }));
    });

  it('pages through restSearch with the auth key, then asks from the newest timestamp', async () => {
    process.env.MISP_TEST_KEY = KEY;
    cleanups.push(() => void delete process.env.MISP_TEST_KEY);
    const server = await restSearch();
    const cachePath = newCachePath();
    const options = { apiUrl: server.url, authKeyEnv: 'MISP_TEST_KEY', pageSize: 2 };
    const first = await pollOnce(cachePath, options);
    expect(total(first, 'inserted')).toBe(ALL_ALERTS);
    const bodies = server.seen.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(bodies).toEqual([1, 2, 3].map((page) => ({ returnFormat: 'json', page, limit: 2 })));
    expect(server.seen.every((r) => r.authorization === KEY)).toBe(true);

    const newest = Math.max(...events.map((e) => Number(e.Event.timestamp)));
    const again = await pollOnce(cachePath, options);
    expect(JSON.parse(server.seen.at(-1)!.body)).toMatchObject({ page: 1, timestamp: newest });
    expect(total(again, 'inserted')).toBe(0);
  });

  it('is down with 401 when the key is wrong', async () => {
    process.env.MISP_TEST_KEY = 'bad-key-7f3e';
    cleanups.push(() => void delete process.env.MISP_TEST_KEY);
    const server = await restSearch();
    const run = await pollOnce(
      newCachePath(),
      { apiUrl: server.url, authKeyEnv: 'MISP_TEST_KEY' },
      'down',
    );
    const error = run.health.snapshot([])[0]?.lastError;
    expect(error).toMatch(/401 unauthorized/);
    expect(error).not.toContain('bad-key-7f3e');
  });
});
