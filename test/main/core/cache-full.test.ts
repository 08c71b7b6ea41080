/**
 * A full disk, simulated with SQLite's max_page_count on the core's own
 * connection: a tailed feed's commits fail, the cache state says 'full'
 * with a clear message in every picture, nothing is lost, and once space
 * returns every alert arrives exactly once and the state is 'ok' again.
 * A syslog feed, which cannot ask its senders again, keeps what waits in
 * memory meanwhile.
 */
import type Database from 'better-sqlite3';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CacheInfo } from '../../../shared/cache';
import type { Picture, PictureDelta } from '../../../shared/api';
import { startCore, type Core } from '../../../main/core/app';
import { CacheHealth } from '../../../main/core/cache-health';
import { parseConfig } from '../../../main/core/config';
import { FeedHealthBook } from '../../../main/core/feed-health';
import { Ingestor } from '../../../main/core/ingest';
import { runSyslog, type SyslogFeedConfig } from '../../../main/core/syslog-feed';
import { AlertCache } from '../../../main/store/alert-cache';
import { PendingRecords } from '../../../main/connectors/syslog/pending-records';
import { CacheError } from '../../../main/store/cache-error';
import { samplePath } from '../../support/samples';
import { sampleLines, syslogHarness } from '../../support/syslog';

const CLIENT = { name: 'test', readOnly: false };

/** The testmyids alert, made distinct n times (a new flow each): n alerts with n ids. */
function alertLines(from: number, count: number): string {
  const line = readFileSync(
    samplePath('suricata-eve', 'suricata-verify_alert-testmyids_expected_eve.json'),
    'utf8',
  ).split('\n')[0]!;
  const event = JSON.parse(line) as Record<string, unknown>;
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({ ...event, flow_id: from + i, pcap_cnt: from + i }),
  ).join('\n');
}

/** The core's own connection: the only way to shrink its disk from a test. */
function connectionOf(core: Core): Database.Database {
  return (core.cache as unknown as { db: Database.Database }).db;
}

async function call<T>(core: Core, method: string): Promise<T> {
  const result = await core.endpoint.call(method, {}, CLIENT);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

describe('a full disk under a tailed feed', () => {
  it('pauses ingest visibly, loses nothing, and resumes when space returns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagebild-full-'));
    const file = join(dir, 'eve.json');
    writeFileSync(file, `${alertLines(1, 5)}\n`);
    const config = parseConfig(
      { feeds: [{ id: 'tail', type: 'file-tail', path: 'eve.json', pollMs: 20, tlp: 'clear' }] },
      'test',
      dir,
    );
    const cachePath = join(dir, 'cache.sqlite');
    const core = await startCore({ config, cachePath });
    const deltas: PictureDelta[] = [];
    core.endpoint.subscribe((event, data) => {
      if (event === 'delta') deltas.push(data as PictureDelta);
    });
    await expect.poll(() => core.cache.stats().alerts, { timeout: 10_000 }).toBe(5);

    // No page more than the file has now: the next batch cannot be stored.
    const db = connectionOf(core);
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    appendFileSync(file, `${alertLines(100, 1500)}\n`);

    await expect
      .poll(async () => (await call<Picture>(core, 'getPicture')).cache.state, { timeout: 10_000 })
      .toBe('full');
    const full = (await call<Picture>(core, 'getPicture')).cache;
    expect(full.message).toMatch(
      /^The disk holding .*cache\.sqlite is full; ingest paused, \d+ records waiting; feeds retry by themselves\.$/,
    );
    await expect.poll(() => deltas.at(-1)?.picture.cache.state).toBe('full');
    expect((await call<CacheInfo>(core, 'getCacheInfo')).state.state).toBe('full');
    const feed = (await call<Picture>(core, 'getPicture')).feeds.find((f) => f.id === 'tail');
    expect(feed).toMatchObject({ state: 'down' });
    expect(core.cache.stats().alerts).toBe(5);

    // More arrives while the disk is full; then space returns.
    appendFileSync(file, `${alertLines(5000, 20)}\n`);
    db.pragma('max_page_count = 1073741823');
    await expect.poll(() => core.cache.stats().alerts, { timeout: 10_000 }).toBe(5 + 1500 + 20);
    await expect.poll(() => deltas.at(-1)?.picture.cache.state).toBe('ok');
    expect(core.cache.stats()).toMatchObject({ alerts: 1525, quarantined: 0 });
    expect(core.cache.feedCounters()[0]).toMatchObject({ id: 'tail', alerts: 1525 });
    await core.close();
  });

  it('shows a cache opened for review as read-only, with its file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagebild-ro-'));
    const cachePath = join(dir, 'cache.sqlite');
    await (await startCore({ cachePath })).close();
    const core = await startCore({ cachePath, readOnly: true });
    const picture = await call<Picture>(core, 'getPicture');
    expect(picture.cache).toMatchObject({
      state: 'read-only',
      message: `Read-only review of ${cachePath}`,
    });
    const info = await call<CacheInfo>(core, 'getCacheInfo');
    expect(info).toMatchObject({ file: cachePath, readOnly: true, alerts: 0 });
    const compact = await core.endpoint.call('compactCache', {}, CLIENT);
    expect(compact).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await core.close();
  });
});

describe('a syslog feed while commits fail', () => {
  const { dir, logFile, stopFeeds } = syslogHarness();
  afterEach(stopFeeds);

  it('keeps the messages in memory and commits them once the cache takes writes', async () => {
    const config = parseConfig(
      { feeds: [{ id: 'soc-syslog', type: 'syslog', transport: 'udp', port: 0, tlp: 'clear' }] },
      'test',
      dir,
    );
    const feed = config.feeds[0] as SyslogFeedConfig;
    const cache = AlertCache.open(join(mkdtempSync(join(dir, 'cache-')), 'cache.sqlite'));
    const health = new FeedHealthBook();
    health.register(feed.id, feed.type);
    const ingestor = new Ingestor(cache, (alert) => alert);
    let diskFull = true;
    const failing = {
      ingest: (...args: Parameters<Ingestor['ingest']>) => {
        if (diskFull) throw new CacheError('full', cache.file, 'The disk is full');
        return ingestor.ingest(...args);
      },
    } as Ingestor;
    const context = { id: feed.id, type: feed.type, tlp: feed.tlp };
    const deps = { cache, ingestor: failing, health, changed: () => {} };
    const running = runSyslog(feed, context, deps, () => {});
    const { port } = await running.listening;
    try {
      const cef = sampleLines('cef', 'elastic-beats_cef.log');
      await logFile(port, cef, ['-d', '--rfc5424']);
      const state = () => health.snapshot([]).find((f) => f.id === feed.id);
      await expect
        .poll(() => state()?.lastError)
        .toMatch(/^\d+ messages waiting: The disk is full$/);
      expect(cache.stats().alerts).toBe(0);

      diskFull = false;
      // The retry comes within RETRY_MS (5 s) and takes every waiting message along.
      await expect.poll(() => cache.stats().alerts, { timeout: 10_000 }).toBe(cef.length);
      await expect.poll(() => state()?.state).toBe('connected');
    } finally {
      running.stop();
      cache.close();
    }
  });
});

describe('CacheHealth', () => {
  it('tells a full disk from other write errors, and recovers on the next commit', () => {
    const changes: string[] = [];
    const health = new CacheHealth('/data/cache.sqlite', false, () =>
      changes.push(health.state().state),
    );
    expect(health.state().state).toBe('ok');
    const denied = new CacheError('read-only', '/data/cache.sqlite', 'cannot be written (EACCES)');
    health.failed('nats', 200, denied);
    expect(health.state()).toMatchObject({ state: 'error' });
    expect(health.state().message).toMatch(
      /^Writing \/data\/cache.sqlite failed \(cannot be written \(EACCES\)\); ingest paused, 200 records waiting/,
    );
    health.failed('tail', 50, new CacheError('full', '/data/cache.sqlite', 'disk full'));
    expect(health.state().message).toMatch(/is full; ingest paused, 250 records waiting/);
    health.committed();
    expect(health.state()).toMatchObject({ state: 'ok' });
    expect(changes).toEqual(['error', 'full', 'ok']);
  });
});

describe('PendingRecords (syslog)', () => {
  it('keeps the oldest messages up to its bound and counts what it dropped', () => {
    const record = (n: number) => ({ position: `m${n}`, raw: Buffer.from('x'), text: 'x' });
    const pending = new PendingRecords(3);
    pending.add([record(1), record(2)]);
    pending.add([record(3), record(4), record(5)]);
    expect(pending.size).toBe(3);
    expect(pending.peek(2).map((r) => r.position)).toEqual(['m1', 'm2']);
    expect(pending.takeDropped()).toBe(2);
    expect(pending.takeDropped()).toBe(0);
    pending.remove(2);
    expect(pending.peek(5).map((r) => r.position)).toEqual(['m3']);
  });
});
