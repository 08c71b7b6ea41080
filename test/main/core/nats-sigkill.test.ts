/**
 * `lagebild serve` consuming from NATS is killed with SIGKILL while a
 * publisher is still sending, and started again: every published alert
 * ends up in the cache exactly once, and nothing the server was told is
 * stored (acknowledged) was missing after the kill.
 */
import Database from 'better-sqlite3';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nanos } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eveParser } from '../../../main/parsers/eve';
import { AlertCache } from '../../../main/store/alert-cache';
import { openJetStream, publishAll, type JetStreamClient } from '../../support/jetstream';
import { startNatsServer, type NatsServer } from '../../support/nats-server';
import { samplePath } from '../../support/samples';
import { startServe, type ServeProcess } from '../../support/serve-process';

const MESSAGES = 5000;
/** Every this many messages one is cut short: it is quarantined, and acked all the same. */
const MALFORMED_EVERY = 100;
const CHUNK = 100;
const CHUNK_PAUSE_MS = 40;
/** The core is killed once the server has this many acknowledgements. */
const KILL_AFTER_ACKS = 1200;
const POLL = { timeout: 60_000, interval: 20 };

/** A real Suricata alert, made into MESSAGES distinct ones by its flow id. */
const TEMPLATE = JSON.parse(
  readFileSync(
    samplePath('suricata-eve', 'suricata-verify_alert-testmyids_expected_eve.json'),
    'utf8',
  ),
) as Record<string, unknown>;

function payload(n: number): string {
  const line = JSON.stringify({ ...TEMPLATE, flow_id: 1_000_000 + n });
  return n % MALFORMED_EVERY === MALFORMED_EVERY - 1 ? line.slice(0, 40) : line;
}

function alertIdOf(line: string): string | undefined {
  const parsed = eveParser.parse(line, 'test');
  return parsed.ok ? parsed.alerts[0]?.id : undefined;
}

let dir: string;
let server: NatsServer;
let client: JetStreamClient;
const serves: ServeProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lagebild-nats-kill-'));
  server = await startNatsServer();
  client = await openJetStream(server.url);
  await client.jsm.streams.add({ name: 'EVE', subjects: ['eve.>'] });
  // Set up as whoever runs the cluster would, with a short ack wait, so
  // that what the killed process held unacknowledged comes back soon.
  await client.jsm.consumers.add('EVE', {
    durable_name: 'lagebild',
    ack_policy: 'explicit',
    filter_subject: 'eve.>',
    ack_wait: nanos(2000),
  });
});

afterAll(async () => {
  for (const serve of serves) serve.child.kill('SIGKILL');
  await client?.close();
  await server?.stop();
});

async function serve(configPath: string): Promise<ServeProcess> {
  const started = await startServe(['--config', configPath], { LAGEBILD_HOME: dir });
  serves.push(started);
  return started;
}

async function consumerInfo() {
  return client.jsm.consumers.info('EVE', 'lagebild');
}

describe('NATS feed killed mid-ingest', () => {
  it('stores every published alert exactly once, losing nothing acknowledged', async () => {
    const cachePath = join(dir, 'cache.sqlite');
    const configPath = join(dir, 'lagebild.json');
    const feed = { id: 'js', type: 'nats', servers: [server.url], stream: 'EVE' };
    writeFileSync(
      configPath,
      JSON.stringify({
        cache: cachePath,
        feeds: [{ ...feed, subject: 'eve.>', durable: 'lagebild', batchSize: 50 }],
      }),
    );
    const payloads = Array.from({ length: MESSAGES }, (_, n) => payload(n));
    const first = await serve(configPath);

    // The sensor publishes at a steady pace while the core consumes.
    const seqs: number[] = [];
    const publishing = (async () => {
      for (let i = 0; i < MESSAGES; i += CHUNK) {
        seqs.push(...(await publishAll(client, 'eve.dmz', payloads.slice(i, i + CHUNK))));
        await new Promise((resolve) => setTimeout(resolve, CHUNK_PAUSE_MS));
      }
    })();

    await expect
      .poll(async () => (await consumerInfo()).ack_floor.stream_seq, POLL)
      .toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    first.child.kill('SIGKILL');
    await once(first.child, 'exit');
    const acked = (await consumerInfo()).ack_floor.stream_seq;
    expect(acked, 'killed before everything was consumed').toBeLessThan(MESSAGES);

    // Every message the server holds as acknowledged has its alert in the cache.
    const afterKill = AlertCache.open(cachePath);
    const idsBySeq = new Map(seqs.map((seq, n) => [seq, alertIdOf(payloads[n]!)]));
    const lost = [...idsBySeq]
      .filter(([seq, id]) => seq <= acked && id !== undefined && !afterKill.getAlert(id))
      .map(([seq]) => seq);
    afterKill.close();
    expect(lost).toEqual([]);

    await publishing;
    const second = await serve(configPath);
    const expectedIds = new Set(payloads.map(alertIdOf).filter((id) => id !== undefined));
    const malformed = MESSAGES / MALFORMED_EVERY;
    await expect
      .poll(async () => {
        const info = await consumerInfo();
        return [info.num_pending, info.num_ack_pending, info.ack_floor.stream_seq];
      }, POLL)
      .toEqual([0, 0, seqs.at(-1)]);
    await second.stop();

    const db = new Database(cachePath, { readonly: true });
    const counts = db
      .prepare('SELECT COUNT(*) AS alerts, COUNT(DISTINCT id) AS ids FROM alerts')
      .get() as { alerts: number; ids: number };
    const ids = new Set(
      (db.prepare('SELECT id FROM alerts').pluck().all() as string[]).filter((id) =>
        expectedIds.has(id),
      ),
    );
    const quarantined = db.prepare('SELECT COUNT(*) FROM quarantine').pluck().get();
    db.close();
    expect(counts).toEqual({ alerts: expectedIds.size, ids: expectedIds.size });
    expect(ids.size).toBe(expectedIds.size);
    expect(quarantined).toBe(malformed);
  }, 180_000);
});
