/**
 * Feed secrets stay secret when things go wrong: TAXII feeds with a
 * password and a token, a MISP feed with an auth key and NATS feeds with a
 * token and a password all poll servers on this machine that refuse them
 * (401, 403, authorization violations), fail (500) or answer garbage.
 * Afterwards no secret, nor its base64 form, is in any log file, in the
 * cache's files, in any answer of the API, in any event pushed to clients,
 * or in any frame serve mode sent over its WebSocket.
 */
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { FeedHealth } from '../../../shared/api';
import { startCore, type Core } from '../../../main/core/app';
import { parseConfig } from '../../../main/core/config';
import { logFilePath } from '../../../main/core/log';
import { startServer, type RunningServer } from '../../../main/serve/server';
import { startNatsServer, type NatsServer } from '../../support/nats-server';

const USER = 'lagebild-reader';
/** Each secret, under the environment variable the configuration names. */
const SECRETS = {
  LAGEBILD_TEST_TAXII_PASSWORD: 'pw-7Hq2xVv9LmTz4Ksd',
  LAGEBILD_TEST_TAXII_TOKEN: 'tok-Rb5nWc8YpEaQ3Jfu',
  LAGEBILD_TEST_MISP_KEY: 'mispkey0Xy4ZkWq1Lp9Td6Gr2Vn8Bs5Hc3Mf7Ja',
  LAGEBILD_TEST_NATS_TOKEN: 'nats-tok-Fd3Kz8Qm1Wx6',
  LAGEBILD_TEST_NATS_PASSWORD: 'nats-pw-Ug5Lr2Ct9Hs4',
};

/** Every form a secret could leak in: itself, and base64 as HTTP basic auth sends it. */
function leakForms(): string[] {
  const plain = Object.values(SECRETS);
  const basic = `${USER}:${SECRETS.LAGEBILD_TEST_TAXII_PASSWORD}`;
  const base64 = [basic, ...plain].map((text) => Buffer.from(text).toString('base64'));
  return [...plain, ...base64];
}

/** The forms found in `text`. */
function leaksIn(text: string): string[] {
  return leakForms().filter((form) => text.includes(form));
}

/**
 * How the fake server answers each feed's path: refusals, failures and
 * garbage, some of it echoing the credentials it was sent back where the
 * core might quote it (a redirect's target, the content type, the body).
 */
const ANSWERS: Record<string, (response: ServerResponse, authorization: string) => void> = {
  '/basic-401/': (response) =>
    response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="taxii"' }).end('no'),
  '/basic-garbage/': (response) =>
    response
      .writeHead(200, { 'Content-Type': 'application/taxii+json;version=2.1' })
      .end('\u0000\u00ff{{{ not json'),
  '/bearer-500/': (response) => response.writeHead(500).end('internal error'),
  '/bearer-garbage/': (response) =>
    response
      .writeHead(200, { 'Content-Type': 'application/taxii+json;version=2.1' })
      .end('{"title": 5, "api_roots": "nope"}'),
  '/bearer-echo-redirect/': (response, authorization) =>
    response.writeHead(302, { Location: `http://127.0.0.1/login?was=${authorization}` }).end(),
  '/basic-echo-type/': (response, authorization) =>
    response.writeHead(200, { 'Content-Type': `text/html; ${authorization}` }).end('<html>'),
  '/bearer-echo-body/': (response, authorization) =>
    response
      .writeHead(200, { 'Content-Type': 'application/taxii+json;version=2.1' })
      .end(authorization),
  '/misp-403/events/restSearch': (response) => response.writeHead(403).end('forbidden'),
  '/misp-garbage/events/restSearch': (response) =>
    response.writeHead(200, { 'Content-Type': 'application/json' }).end('[{"Event": 1'),
};

let dir: string;
let http: Server;
let natsWithPassword: NatsServer;
let natsWithToken: NatsServer;
let core: Core;
let serve: RunningServer;
const seenAuthorization = new Set<string>();
const events: string[] = [];
const frames: string[] = [];
let socket: WebSocket;

function answer(request: IncomingMessage, response: ServerResponse): void {
  const authorization = request.headers.authorization ?? '';
  if (authorization) seenAuthorization.add(authorization);
  const path = (request.url ?? '/').split('?')[0]!;
  const respond = ANSWERS[path];
  if (respond) respond(response, authorization);
  else response.writeHead(404).end('not found');
}

function feedsConfig(base: string, natsPassword: string, natsToken: string) {
  const taxii = (id: string, auth: Record<string, string>) => ({
    id,
    type: 'taxii21',
    url: `${base}/${id}/`,
    auth,
    pollSeconds: 1,
  });
  const basic = { type: 'basic', user: USER, passwordEnv: 'LAGEBILD_TEST_TAXII_PASSWORD' };
  const bearer = { type: 'bearer', tokenEnv: 'LAGEBILD_TEST_TAXII_TOKEN' };
  const misp = (id: string) => ({
    id,
    type: 'misp',
    apiUrl: `${base}/${id}/`,
    authKeyEnv: 'LAGEBILD_TEST_MISP_KEY',
    pollSeconds: 1,
  });
  const nats = (id: string, server: string, credentials: Record<string, string>) => ({
    id,
    type: 'nats',
    servers: [server],
    stream: 'EVE',
    subject: 'eve.>',
    durable: 'lagebild',
    credentials,
  });
  return [
    taxii('basic-401', basic),
    taxii('basic-garbage', basic),
    taxii('bearer-500', bearer),
    taxii('bearer-garbage', bearer),
    taxii('bearer-echo-redirect', bearer),
    taxii('basic-echo-type', basic),
    taxii('bearer-echo-body', bearer),
    misp('misp-403'),
    misp('misp-garbage'),
    nats('nats-password', natsPassword, { user: USER, passwordEnv: 'LAGEBILD_TEST_NATS_PASSWORD' }),
    nats('nats-token', natsToken, { tokenEnv: 'LAGEBILD_TEST_NATS_TOKEN' }),
  ];
}

/** Calls the API over serve mode's WebSocket, as the browser renderer does. */
let nextId = 1;
async function call(method: string, params: unknown): Promise<unknown> {
  const id = nextId++;
  socket.send(JSON.stringify({ id, method, params }));
  for (;;) {
    const reply = frames
      .map((frame) => JSON.parse(frame) as { id?: number; result?: unknown })
      .find((frame) => frame.id === id);
    if (reply) return reply.result;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Every file under `root`, recursively. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    const path = join(root, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lagebild-secrets-'));
  process.env.LAGEBILD_LOG_FILE = join(dir, 'logs', 'main.log');
  Object.assign(process.env, SECRETS);

  http = createServer(answer).listen(0, '127.0.0.1');
  await once(http, 'listening');
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  // Servers that want other credentials than the feeds have.
  natsWithPassword = await startNatsServer(['--user', USER, '--pass', 'a-different-password']);
  natsWithToken = await startNatsServer(['--auth', 'a-different-token']);

  const config = parseConfig(
    { feeds: feedsConfig(base, natsWithPassword.url, natsWithToken.url) },
    'test',
    dir,
  );
  core = await startCore({ config, cachePath: join(dir, 'cache.sqlite') });
  core.endpoint.subscribe((event, data) => events.push(JSON.stringify({ event, data })));
  serve = await startServer({
    host: '127.0.0.1',
    port: 0,
    rendererDir: dir,
    endpoint: core.endpoint,
  });
  socket = new WebSocket(`${serve.url.replace('http', 'ws')}api`);
  socket.on('message', (data) => frames.push(data.toString()));
  await once(socket, 'open');
});

afterAll(async () => {
  socket?.close();
  await serve?.close();
  await core?.close();
  await natsWithPassword?.stop();
  await natsWithToken?.stop();
  http?.close();
  for (const name of Object.keys(SECRETS)) delete process.env[name];
  delete process.env.LAGEBILD_LOG_FILE;
});

describe('feed secrets', () => {
  it('never show up in logs, the cache, API answers, events or serve frames', async () => {
    // Every feed fails at least once, so each has logged its error and published its health.
    const feeds = async () =>
      ((await call('getPicture', {})) as { value: { feeds: FeedHealth[] } }).value.feeds;
    await expect
      .poll(async () => (await feeds()).filter((feed) => feed.lastError).length, {
        timeout: 20_000,
        interval: 200,
      })
      .toBe(11);
    // The secrets were really in play: the servers were sent them.
    const basic = Buffer.from(`${USER}:${SECRETS.LAGEBILD_TEST_TAXII_PASSWORD}`).toString('base64');
    expect(seenAuthorization).toContain(`Basic ${basic}`);
    expect(seenAuthorization).toContain(`Bearer ${SECRETS.LAGEBILD_TEST_TAXII_TOKEN}`);
    expect(
      [...seenAuthorization].some((value) => value.includes(SECRETS.LAGEBILD_TEST_MISP_KEY)),
    ).toBe(true);

    const answers = [
      await call('getPicture', {}),
      await call('getInfo', {}),
      await call('listQuarantine', { limit: 1000 }),
      await call('listRecentAlerts', { limit: 1000 }),
    ].map((value) => JSON.stringify(value));
    const errors = (await feeds()).map((feed) => `${feed.id}: ${feed.lastError}`);
    expect(errors.join('\n')).toMatch(/401 unauthorized/);
    expect(errors.join('\n')).toMatch(/[Aa]uthorization/);
    // What the echoing servers sent back did reach the errors, with the secrets taken out.
    expect(errors.join('\n')).toMatch(
      /bearer-echo-redirect: .*redirected \(302\) to .*\[redacted\]/,
    );
    expect(errors.join('\n')).toMatch(/basic-echo-type: .*answered text\/html; Basic \[redacted\]/);

    const wal = join(dir, 'cache.sqlite-wal');
    const walBytes = statSync(wal, { throwIfNoEntry: false }) ? readFileSync(wal) : Buffer.alloc(0);
    socket.close();
    await serve.close();
    await core.close();

    const logFiles = [...new Set([logFilePath(), ...filesUnder(dir)])].filter((file) =>
      statSync(file, { throwIfNoEntry: false }),
    );
    const home = process.env.LAGEBILD_HOME;
    if (home) logFiles.push(...filesUnder(home));
    const fileLeaks = logFiles
      .map((file) => ({ file, leaks: leaksIn(readFileSync(file).toString('latin1')) }))
      .filter((found) => found.leaks.length > 0);
    expect(fileLeaks).toEqual([]);
    expect(leaksIn(walBytes.toString('latin1'))).toEqual([]);
    // The log did record the failures it should have.
    const log = readFileSync(process.env.LAGEBILD_LOG_FILE!, 'utf8');
    expect(log).toMatch(/401 unauthorized/);
    expect(log).toMatch(/HTTP 500/);

    expect(leaksIn(answers.join('\n'))).toEqual([]);
    expect(leaksIn(errors.join('\n'))).toEqual([]);
    expect(events.length).toBeGreaterThan(0);
    expect(leaksIn(events.join('\n'))).toEqual([]);
    expect(leaksIn(frames.join('\n'))).toEqual([]);
  });
});
