/**
 * `lagebild serve` consuming from NATS is killed with SIGKILL while a
 * publisher is still sending, at seeded random points, round after round,
 * and started again: after every kill the cache passes SQLite's integrity
 * check, holds each alert once, and misses nothing the server was told is
 * stored (acknowledged); in the end every published alert is there once.
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
import { seededRandom } from '../../support/seeded-random';
import { startNatsServer, type NatsServer } from '../../support/nats-server';
import { samplePath } from '../../support/samples';
import { startServe, type ServeProcess } from '../../support/serve-process';

const ROUNDS = 3;
/** Published in each round, while the core consumes. */
const PER_ROUND = 1500;
const MESSAGES = ROUNDS * PER_ROUND;
/** Every this many messages one is cut short: it is quarantined, and acked all the same. */
const MALFORMED_EVERY = 100;
const CHUNK = 100;
const CHUNK_PAUSE_MS = 40;
/** A round's kill comes once the server has acknowledgements this far into the round's share. */
const KILL_BETWEEN = [0.2, 0.8] as const;
const SEED = 0x5eed_0042;
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

/** What the cache holds after a kill: SQLite's verdict, and alerts counted with and without doubles. */
function check(cachePath: string): { integrity: string; alerts: number; ids: number } {
  const db = new Database(cachePath, { readonly: true });
  try {
    const integrity = db.prepare('PRAGMA integrity_check').pluck().get() as string;
    const counts = db
      .prepare('SELECT COUNT(*) AS alerts, COUNT(DISTINCT id) AS ids FROM alerts')
      .get() as { alerts: number; ids: number };
    return { integrity, ...counts };
  } finally {
    db.close();
  }
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
    const random = seededRandom(SEED);
    const seqs: number[] = [];
    let interrupted = 0;

    for (let round = 0; round < ROUNDS; round += 1) {
      const running = await serve(configPath);
      // The sensor publishes this round's share at a steady pace while the core consumes.
      const first = round * PER_ROUND;
      const publishing = (async () => {
        for (let i = first; i < first + PER_ROUND; i += CHUNK) {
          seqs.push(...(await publishAll(client, 'eve.dmz', payloads.slice(i, i + CHUNK))));
          await new Promise((resolve) => setTimeout(resolve, CHUNK_PAUSE_MS));
        }
      })();
      const share = KILL_BETWEEN[0] + random() * (KILL_BETWEEN[1] - KILL_BETWEEN[0]);
      const killAt = first + Math.floor(share * PER_ROUND);
      await expect
        .poll(async () => (await consumerInfo()).ack_floor.stream_seq, POLL)
        .toBeGreaterThanOrEqual(killAt);
      running.child.kill('SIGKILL');
      await once(running.child, 'exit');
      const info = await consumerInfo();
      const acked = info.ack_floor.stream_seq;
      if (info.num_ack_pending > 0) interrupted += 1;

      const after = check(cachePath);
      expect(after.integrity, `round ${round}`).toBe('ok');
      expect(after.alerts, `round ${round}: doubled alerts`).toBe(after.ids);
      // Every message the server holds as acknowledged has its alert in the cache.
      const afterKill = AlertCache.open(cachePath);
      const idsBySeq = new Map(seqs.map((seq, n) => [seq, alertIdOf(payloads[n]!)]));
      const lost = [...idsBySeq]
        .filter(([seq, id]) => seq <= acked && id !== undefined && !afterKill.getAlert(id))
        .map(([seq]) => seq);
      afterKill.close();
      expect(lost, `round ${round}: acknowledged but not stored`).toEqual([]);
      await publishing;
    }
    // The kills did land mid-stream, with messages delivered but not yet acknowledged.
    expect(interrupted).toBeGreaterThan(0);

    const last = await serve(configPath);
    const expectedIds = new Set(payloads.map(alertIdOf).filter((id) => id !== undefined));
    const malformed = MESSAGES / MALFORMED_EVERY;
    await expect
      .poll(async () => {
        const info = await consumerInfo();
        return [info.num_pending, info.num_ack_pending, info.ack_floor.stream_seq];
      }, POLL)
      .toEqual([0, 0, seqs.at(-1)]);
    await last.stop();

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
    const integrity = db.prepare('PRAGMA integrity_check').pluck().get();
    db.close();
    expect(integrity).toBe('ok');
    expect(counts).toEqual({ alerts: expectedIds.size, ids: expectedIds.size });
    expect(ids.size).toBe(expectedIds.size);
    expect(quarantined).toBe(malformed);
  }, 180_000);
});
