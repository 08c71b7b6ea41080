/**
 * The NATS JetStream feed against a real nats-server on loopback: real EVE
 * sample lines and malformed messages published to a stream, consumed into
 * a real cache, acknowledged only once committed; a stream that appears
 * late, a server restart, credentials from the environment.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../main/core/config';
import { FeedHealthBook } from '../../../../main/core/feed-health';
import { Ingestor } from '../../../../main/core/ingest';
import { logFilePath } from '../../../../main/core/log';
import { runNats, type NatsFeedConfig } from '../../../../main/connectors/nats/nats-feed';
import { eveParser } from '../../../../main/parsers/eve';
import { AlertCache } from '../../../../main/store/alert-cache';
import { openJetStream, publishAll, type JetStreamClient } from '../../../support/jetstream';
import { startNatsServer, type NatsServer } from '../../../support/nats-server';
import { samplePath } from '../../../support/samples';

const EVE_DIR = samplePath('suricata-eve');
/** Every line of every EVE sample: alerts, and events of other types that carry none. */
const EVE_LINES = readdirSync(EVE_DIR)
  .sort()
  .flatMap((name) => readFileSync(join(EVE_DIR, name), 'utf8').split('\n'))
  .filter((line) => line.trim() !== '');
/** Alerts are told by their own text; an alert's id derives from its line, so equal lines are one. */
const EVE_ALERTS = new Set(EVE_LINES.filter((line) => /"event_type"\s*:\s*"alert"/.test(line)));
const EVE_ALERT_IDS = [...EVE_ALERTS].map((line) => {
  const parsed = eveParser.parse(line, 'sample');
  return parsed.ok ? parsed.alerts[0]?.id : parsed.reason;
});
const MALFORMED: [payload: string | Uint8Array, reason: RegExp][] = [
  ['{"event_type":"alert","timestamp":', /^eve: /],
  ['this is not JSON', /^eve: /],
  ['', /^empty message$/],
  [Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]), /^invalid UTF-8$/],
];

const POLL = { timeout: 15_000, interval: 50 };

let dir: string;
let server: NatsServer;
let client: JetStreamClient;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lagebild-nats-'));
  server = await startNatsServer();
  client = await openJetStream(server.url);
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  await client?.close();
  await server?.stop();
});

/** A stream of its own for one test, so that tests never see each other's messages. */
async function addStream(name: string): Promise<string> {
  await client.jsm.streams.add({ name, subjects: [`${name}.>`] });
  return name;
}

/** Starts a NATS feed on `stream` into a new cache. */
function startFeed(stream: string, options: Record<string, unknown> = {}, servers = [server.url]) {
  const config = parseConfig(
    {
      feeds: [
        { id: 'js', type: 'nats', servers, stream, subject: `${stream}.>`, durable: 'lagebild' },
      ].map((feed) => ({ ...feed, ...options })),
    },
    'test',
    dir,
  );
  const feed = config.feeds[0] as NatsFeedConfig;
  const cache = AlertCache.open(join(mkdtempSync(join(dir, 'cache-')), 'cache.sqlite'));
  const health = new FeedHealthBook();
  health.register(feed.id, feed.type);
  const deps = { cache, ingestor: new Ingestor(cache, (a) => a), health, changed: () => {} };
  const context = { id: feed.id, type: feed.type, tlp: feed.tlp };
  const running = runNats(feed, context, deps, (summary) =>
    health.recordEvents(feed.id, summary.records),
  );
  cleanups.push(() => {
    running.stop();
    cache.close();
  });
  const state = () => health.snapshot(cache.feedCounters())[0]!;
  return { cache, health, state, stop: () => running.stop() };
}

async function consumerInfo(stream: string) {
  return client.jsm.consumers.info(stream, 'lagebild');
}

describe('NATS JetStream feed', () => {
  it('stores the alerts, quarantines what does not parse, and acks every message once stored', async () => {
    const stream = await addStream('SAMPLES');
    const { cache, state } = startFeed(stream, { tlp: 'clear', batchSize: 16 });
    const payloads = [...EVE_LINES, ...MALFORMED.map(([payload]) => payload)];
    const seqs = await publishAll(client, `${stream}.sensor-1`, payloads);

    await expect.poll(() => cache.stats().quarantined, POLL).toBe(MALFORMED.length);
    await expect.poll(() => cache.stats().alerts, POLL).toBe(EVE_ALERTS.size);
    const stored = cache.recentAlerts(100);
    expect(new Set(stored.map((alert) => alert.id))).toEqual(new Set(EVE_ALERT_IDS));
    expect(stored.every((alert) => alert.feed === 'js' && alert.tlp === 'clear')).toBe(true);

    // Each malformed message is kept with its reason, placed by its stream sequence.
    const quarantine = cache.listQuarantine(10);
    MALFORMED.forEach(([, reason], i) => {
      const position = `${stream} #${seqs[EVE_LINES.length + i]}`;
      const entry = quarantine.find((q) => q.position === position);
      expect(entry?.reason, position).toMatch(reason);
    });

    await expect
      .poll(async () => {
        const info = await consumerInfo(stream);
        return [info.num_ack_pending, info.num_pending, info.ack_floor.stream_seq];
      }, POLL)
      .toEqual([0, 0, seqs.at(-1)]);
    expect((await consumerInfo(stream)).delivered.stream_seq).toBe(seqs.at(-1));
    expect(JSON.parse(cache.cursor('js') ?? '{}')).toEqual({ stream, seq: seqs.at(-1) });
    expect(state()).toMatchObject({ state: 'connected', errorCount: 0 });
  });

  it('waits for a stream that does not exist yet, and then reads it', async () => {
    const { cache, state } = startFeed('LATE');
    await expect.poll(() => state().state, POLL).toBe('down');
    expect(state().lastError).toBe('stream "LATE" not found');

    const stream = await addStream('LATE');
    await publishAll(client, `${stream}.sensor-1`, [...EVE_ALERTS]);
    await expect.poll(() => cache.stats().alerts, POLL).toBe(EVE_ALERTS.size);
    expect(state()).toMatchObject({ state: 'connected' });
    expect(state().errorCount).toBeGreaterThan(0);
  });

  it('keeps consuming across a server restart', async () => {
    const stream = await addStream('RESTART');
    const [first, ...rest] = [...EVE_ALERTS];
    const { cache, state } = startFeed(stream);
    await publishAll(client, `${stream}.sensor-1`, [first!]);
    await expect.poll(() => cache.stats().alerts, POLL).toBe(1);

    await client.close();
    await server.restart();
    await expect.poll(() => state().lastError, POLL).toMatch(/lost the connection/);
    client = await openJetStream(server.url);
    await publishAll(client, `${stream}.sensor-1`, rest);
    await expect.poll(() => cache.stats().alerts, POLL).toBe(EVE_ALERTS.size);
    expect(state().state).toBe('connected');
  });

  it('creates its consumer again when the stream is deleted and created anew', async () => {
    const stream = await addStream('GONE');
    const [first, ...rest] = [...EVE_ALERTS];
    const { cache, state } = startFeed(stream);
    await publishAll(client, `${stream}.sensor-1`, [first!]);
    await expect.poll(() => cache.stats().alerts, POLL).toBe(1);

    await client.jsm.streams.delete(stream);
    await expect.poll(() => state().state, POLL).toBe('down');
    await addStream(stream);
    await publishAll(client, `${stream}.sensor-1`, rest);
    await expect.poll(() => cache.stats().alerts, POLL).toBe(EVE_ALERTS.size);
    expect(state().state).toBe('connected');
  });

  it('refuses a durable consumer that reads other subjects', async () => {
    const stream = await addStream('OTHER');
    await client.jsm.consumers.add(stream, {
      durable_name: 'lagebild',
      ack_policy: 'explicit',
      filter_subject: `${stream}.elsewhere`,
    });
    const { state } = startFeed(stream);
    await expect
      .poll(() => state().lastError, POLL)
      .toMatch(/reads OTHER\.elsewhere, not OTHER\.>/);
    expect(state().state).toBe('down');
  });
});

describe('NATS JetStream feed with credentials', () => {
  const SECRET = 'correct-horse-battery-staple';
  let guarded: NatsServer;

  beforeAll(async () => {
    guarded = await startNatsServer(['--user', 'sensor', '--pass', SECRET]);
  });
  afterAll(async () => {
    await guarded?.stop();
  });

  it('reads the password from the named environment variable', async () => {
    const publisher = await connectGuarded(guarded.url, SECRET);
    cleanups.push(() => publisher.close());
    await publisher.jsm.streams.add({ name: 'GUARDED', subjects: ['GUARDED.>'] });
    await publishAll(publisher, 'GUARDED.sensor-1', [...EVE_ALERTS]);

    process.env.LAGEBILD_TEST_NATS_PASSWORD = SECRET;
    cleanups.push(() => void delete process.env.LAGEBILD_TEST_NATS_PASSWORD);
    const credentials = { user: 'sensor', passwordEnv: 'LAGEBILD_TEST_NATS_PASSWORD' };
    const { cache } = startFeed('GUARDED', { credentials }, [guarded.url]);
    await expect.poll(() => cache.stats().alerts, POLL).toBe(EVE_ALERTS.size);
    expect(readFileSync(logFilePath(), 'utf8')).not.toContain(SECRET);
  });

  it('says which variable is missing, and never connects without it', async () => {
    const credentials = { user: 'sensor', passwordEnv: 'LAGEBILD_TEST_NATS_UNSET' };
    const { state } = startFeed('GUARDED', { credentials }, [guarded.url]);
    expect(state()).toMatchObject({
      state: 'down',
      lastError: 'environment variable LAGEBILD_TEST_NATS_UNSET is not set',
    });
  });
});

async function connectGuarded(url: string, pass: string): Promise<JetStreamClient> {
  const { connect } = await import('@nats-io/transport-node');
  const { jetstreamManager } = await import('@nats-io/jetstream');
  const nc = await connect({ servers: url, user: 'sensor', pass, reconnect: false });
  return { nc, jsm: await jetstreamManager(nc), close: () => nc.close() };
}
