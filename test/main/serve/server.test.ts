/**
 * serve mode for real: the core on a temporary cache, the server on a
 * loopback port, and a WebSocket client speaking the contract.
 */
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_MESSAGE_BYTES } from '../../../shared/api';
import { startCore, type Core } from '../../../main/core/app';
import { logFilePath } from '../../../main/core/log';
import { parseConfig } from '../../../main/core/config';
import { startServer, ServeRefusedError, type RunningServer } from '../../../main/serve/server';
import { samplePath } from '../../support/samples';

let dir: string;
let eve: string;
let core: Core;
let server: RunningServer;

function wsUrl(query = ''): string {
  return `${server.url.replace('http', 'ws')}api${query}`;
}

/** Opens a client and collects every frame it receives. */
async function client(query = '', headers: Record<string, string> = {}) {
  const socket = new WebSocket(wsUrl(query), { headers });
  const frames: Record<string, unknown>[] = [];
  socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  let next = 1;
  const call = async (method: string, params: unknown) => {
    const id = next++;
    socket.send(JSON.stringify({ id, method, params }));
    for (;;) {
      const found = frames.find((f) => f.id === id);
      if (found) return found.result as { ok: boolean; value?: unknown; error?: { code: string } };
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return { socket, frames, call };
}

/** Where the log ends now; `logSince` reads what was written after it. */
function logMark(): number {
  return existsSync(logFilePath()) ? statSync(logFilePath()).size : 0;
}

function logSince(mark: number): string {
  return readFileSync(logFilePath()).subarray(mark).toString('utf8');
}

function httpStatus(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(new URL(path, server.url), (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lagebild-serve-'));
  eve = join(dir, 'eve.json');
  writeFileSync(
    eve,
    readFileSync(
      samplePath('suricata-eve', 'suricata-verify_tests_detect-ldap-operation_eve.json'),
    ),
  );
  // The cache sits beside the served folder, where a traversal would find it.
  mkdirSync(join(dir, 'www'));
  writeFileSync(join(dir, 'www', 'index.html'), '<!doctype html><title>t</title>');
  const config = parseConfig(
    { feeds: [{ id: 'tail', type: 'file-tail', path: eve, pollMs: 50, tlp: 'clear' }] },
    'test',
    dir,
  );
  core = await startCore({ config, cachePath: join(dir, 'cache.sqlite') });
  server = await startServer({
    host: '127.0.0.1',
    port: 0,
    rendererDir: join(dir, 'www'),
    endpoint: core.endpoint,
  });
});

afterAll(async () => {
  await server?.close();
  await core?.close();
});

describe('serve mode', () => {
  it('answers calls of the contract and pushes deltas when alerts arrive', async () => {
    const { socket, frames, call } = await client();
    await expect
      .poll(
        async () =>
          ((await call('getPicture', {})).value as { stats: { alerts: number } }).stats.alerts,
      )
      .toBe(4);
    const line = readFileSync(
      samplePath('suricata-eve', 'suricata-verify_alert-testmyids_expected_eve.json'),
      'utf8',
    );
    appendFileSync(eve, line);
    await expect
      .poll(() =>
        frames.some(
          (f) =>
            f.event === 'delta' &&
            (f.data as { added: { title: string }[] }).added.some((a) =>
              a.title.startsWith('GPL ATTACK_RESPONSE'),
            ),
        ),
      )
      .toBe(true);
    const recent = (await call('listRecentAlerts', { limit: 10 })).value as { id: string }[];
    const detail = (await call('getAlert', { id: recent[0]!.id })).value as { raw: string };
    expect(JSON.parse(detail.raw)).toMatchObject({ event_type: 'alert' });
    socket.close();
  });

  it('lets an analyst triage an incident, and a wall client only see it listed', async () => {
    const analyst = await client();
    const wall = await client('?profile=wall');
    await expect
      .poll(async () => ((await analyst.call('listIncidents', {})).value as unknown[]).length)
      .toBeGreaterThan(0);
    const [incident] = (await analyst.call('listIncidents', { sort: 'alerts' })).value as {
      id: string;
      alerts: number;
    }[];
    const alerts = await analyst.call('listIncidentAlerts', { id: incident!.id, limit: 100 });
    expect(alerts.value).toHaveLength(incident!.alerts);
    const refused = await wall.call('updateIncident', { id: incident!.id, status: 'resolved' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await wall.call('addIncidentNote', { id: incident!.id, text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const changed = await analyst.call('updateIncident', {
      id: incident!.id,
      status: 'acknowledged',
    });
    expect(changed.value).toMatchObject({
      incident: { status: 'acknowledged' },
      events: [{ kind: 'status', value: 'acknowledged', author: expect.any(String) }],
    });
    const seen = (await wall.call('listIncidents', {})).value as { id: string; status: string }[];
    expect(seen.find((item) => item.id === incident!.id)).toMatchObject({ status: 'acknowledged' });
    // A wall reads the picture, never an incident's detail or a raw record.
    expect(await wall.call('getIncident', { id: incident!.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    analyst.socket.close();
    wall.socket.close();
  });

  it('refuses invalid parameters with a result, and logs it', async () => {
    const { socket, call } = await client();
    const mark = logMark();
    expect(await call('listRecentAlerts', { limit: -1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    expect(await call('dropTables', {})).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(logSince(mark)).toMatch(/\[warn\].*invalid parameters for listRecentAlerts: limit/);
    expect(logSince(mark)).toMatch(
      /\[warn\].*refused unknown method from client@[^:]*: dropTables/,
    );
    socket.close();
  });

  // Each frame is refused before anything acts on it: the connection closes and the log says why.
  it.each([
    ['not JSON', '{ not json', 1003, 'sent a malformed frame: not JSON'],
    ['JSON but no object', '[1, "getInfo", {}]', 1003, 'sent a malformed frame: not an object'],
    [
      'an id only in a __proto__ key',
      '{"__proto__":{"id":1},"method":"getInfo"}',
      1003,
      'invalid id',
    ],
    ['a binary frame', Buffer.from('{"id":1,"method":"getInfo"}'), 1003, 'binary frames'],
    [
      'an oversized frame',
      JSON.stringify({ id: 1, method: 'log', params: { message: 'x'.repeat(MAX_MESSAGE_BYTES) } }),
      1009,
      'Max payload size exceeded',
    ],
  ])('closes the connection on %s and logs it', async (_what, frame, code, logged) => {
    const { socket, frames } = await client();
    const mark = logMark();
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));
    socket.send(frame);
    expect(await closed).toBe(code);
    expect(frames.filter((f) => 'id' in f)).toEqual([]);
    await expect.poll(() => logSince(mark)).toMatch(new RegExp(`\\[warn\\].*${logged}`));
  });

  it('acts on no prototype-polluting parameters', async () => {
    const { socket, frames } = await client();
    const mark = logMark();
    socket.send('{"id":7,"method":"listIncidents","params":{"__proto__":{"polluted":true}}}');
    socket.send('{"id":8,"method":"constructor","params":{}}');
    await expect.poll(() => frames.filter((f) => f.id === 7 || f.id === 8).length).toBe(2);
    expect(frames.find((f) => f.id === 8)).toMatchObject({
      result: { ok: false, error: { code: 'invalid' } },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(logSince(mark)).toMatch(
      /\[warn\].*refused unknown method from client@[^:]*: constructor/,
    );
    socket.close();
  });

  it('refuses a WebSocket upgrade from a page of another origin', async () => {
    const socket = new WebSocket(wsUrl(), { headers: { Origin: 'https://evil.example' } });
    const status = await new Promise<number>((resolve) => {
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.once('open', () => resolve(101));
      socket.once('error', () => undefined);
    });
    expect(status).toBe(403);
  });

  it('refuses requests and upgrades that name another host (DNS rebinding)', async () => {
    const rebound = await new Promise<number>((resolve, reject) => {
      request(new URL('/', server.url), { headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(rebound).toBe(421);
    const socket = new WebSocket(wsUrl(), {
      headers: { host: 'evil.example', origin: 'http://evil.example' },
    });
    const status = await new Promise<number>((resolve) => {
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.once('open', () => resolve(101));
      socket.once('error', () => undefined);
    });
    expect(status).toBe(403);
  });

  it('serves the app and nothing outside its folder', async () => {
    expect(await httpStatus('/')).toBe(200);
    expect(await httpStatus('/wall')).toBe(200);
    expect(await httpStatus('/..%2f..%2fetc%2fpasswd')).toBe(404);
    expect(await httpStatus('/%2e%2e/cache.sqlite')).toBe(404);
  });

  it('answers odd request targets with a refusal and stays up', async () => {
    const { port } = new URL(server.url);
    const raw = (path: string, headers: Record<string, string> = {}) =>
      new Promise<number>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path, headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
    // Each of these once threw out of the handler and ended the process.
    for (const path of ['//%', '//[', '//a:99999', '//%/api', '*']) {
      expect([400, 404]).toContain(await raw(path));
    }
    // A malformed token cookie presents no token: the loopback client still gets the app.
    expect(await raw('/', { cookie: 'lagebild_token=%' })).toBe(200);
    expect(await httpStatus('/')).toBe(200);
  });

  it('refuses to listen beyond loopback without a token', async () => {
    await expect(
      startServer({ host: '0.0.0.0', port: 0, rendererDir: dir, endpoint: core.endpoint }),
    ).rejects.toThrow(ServeRefusedError);
  });
});
