/**
 * The core with a NATS feed, stopped and started again: it resumes where
 * its durable consumer stands, with nothing read twice; and a NATS feed
 * that cannot reach its server holds up no other feed.
 */
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../main/core/app';
import { parseConfig } from '../../../main/core/config';
import type { Picture } from '../../../shared/api';
import { openJetStream, publishAll, type JetStreamClient } from '../../support/jetstream';
import { startNatsServer, type NatsServer } from '../../support/nats-server';
import { samplePath } from '../../support/samples';

const LDAP = 'suricata-verify_tests_detect-ldap-operation_eve.json'; // 4 alerts, 3 other events
const TESTMYIDS = 'suricata-verify_alert-testmyids_expected_eve.json'; // 1 alert
// Generous: the machine may be busy with the rest of the suite.
const POLL = { timeout: 45_000, interval: 50 };

function eveLines(name: string): string[] {
  return readFileSync(samplePath('suricata-eve', name), 'utf8').trimEnd().split('\n');
}

let dir: string;
let server: NatsServer;
let client: JetStreamClient;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lagebild-nats-core-'));
  server = await startNatsServer();
  client = await openJetStream(server.url);
  await client.jsm.streams.add({ name: 'EVE', subjects: ['eve.>'] });
});

afterAll(async () => {
  await client?.close();
  await server?.stop();
});

function natsFeed(servers: string[]) {
  return { id: 'js', type: 'nats', servers, stream: 'EVE', subject: 'eve.>', durable: 'wall-1' };
}

async function run(until: (core: Core) => boolean): Promise<Core> {
  const config = parseConfig({ feeds: [natsFeed([server.url])] }, 'test', dir);
  const core = await startCore({ config, cachePath: join(dir, 'cache.sqlite') });
  await expect.poll(() => until(core), POLL).toBe(true);
  return core;
}

function ignoredEvents(core: Core): number {
  const feed = core.cache.feedCounters().find((f) => f.id === 'js');
  return Object.values(feed?.ignored ?? {}).reduce((sum, n) => sum + n, 0);
}

describe('NATS feed across restarts of the core', () => {
  it('resumes after the last acknowledged message: every record once', async () => {
    const ldap = eveLines(LDAP);
    await publishAll(client, 'eve.dmz', ldap.slice(0, 4));
    const first = await run((core) => core.cache.stats().alerts === 3);
    await expect.poll(() => ignoredEvents(first), POLL).toBe(1);
    await expect
      .poll(async () => (await client.jsm.consumers.info('EVE', 'wall-1')).num_ack_pending, POLL)
      .toBe(0);
    await first.close();

    // Published while Lagebild is stopped: the stream keeps them for its consumer.
    await publishAll(client, 'eve.dmz', [...ldap.slice(4), ...eveLines(TESTMYIDS)]);
    const second = await run((core) => core.cache.stats().alerts === 5);
    // Non-alert events are counted, not deduplicated: a re-read would count them twice.
    await expect.poll(() => ignoredEvents(second), POLL).toBe(3);
    expect(second.cache.stats()).toMatchObject({ alerts: 5, quarantined: 0 });
    const info = await client.jsm.consumers.info('EVE', 'wall-1');
    expect(info).toMatchObject({ num_pending: 0, num_ack_pending: 0, num_redelivered: 0 });
    await second.close();
  });

  it('lets a file tail deliver while its NATS feed cannot reach a server', async () => {
    const deadPort = await closedPort();
    const tailDir = mkdtempSync(join(dir, 'tail-'));
    writeFileSync(join(tailDir, 'eve.json'), `${eveLines(TESTMYIDS).join('\n')}\n`);
    const config = parseConfig(
      {
        feeds: [
          natsFeed([`nats://127.0.0.1:${deadPort}`]),
          { id: 'tail', type: 'file-tail', path: 'eve.json', pollMs: 20 },
        ],
      },
      'test',
      tailDir,
    );
    const started = Date.now();
    const core = await startCore({ config, cachePath: join(tailDir, 'cache.sqlite') });
    try {
      await expect.poll(() => core.cache.stats().alerts, POLL).toBe(1);
      expect(Date.now() - started).toBeLessThan(5_000);
      const health = async (id: string) => {
        const picture = await core.endpoint.call(
          'getPicture',
          {},
          { name: 'test', readOnly: true },
        );
        return picture.ok
          ? (picture.value as Picture).feeds.find((feed) => feed.id === id)
          : undefined;
      };
      await expect.poll(async () => (await health('js'))?.state, POLL).toBe('down');
      expect((await health('js'))?.lastError).toMatch(/refused/i);
      expect(await health('tail')).toMatchObject({ state: 'connected', errorCount: 0 });
    } finally {
      await core.close();
    }
  });
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
