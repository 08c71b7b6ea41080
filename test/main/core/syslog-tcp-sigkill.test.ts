/**
 * `lagebild serve` listening for syslog over TCP is killed with SIGKILL
 * while a sender streams numbered CEF messages, at seeded random points,
 * round after round.
 *
 * Syslog over TCP has no acknowledgement: what the sender wrote but the
 * core had not yet committed when it died is gone from the core's side,
 * and only a sender that keeps a queue (rsyslog's disk-assisted queue)
 * sends it again. So what is guaranteed, and checked after every kill, is
 * about what was committed: the cache passes SQLite's integrity check,
 * holds each alert once, holds only alerts the sender wrote, and keeps
 * everything an earlier round committed. The sender here replays what it
 * wrote in the round before, as such a queue would: nothing is doubled.
 * At the end it replays everything, and the cache then holds every
 * message exactly once.
 */
import Database from 'better-sqlite3';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { between, seededRandom } from '../../support/seeded-random';
import { startServe, type ServeProcess } from '../../support/serve-process';

const ROUNDS = 4;
/** Each round the sender writes this many new messages before the kill, at most. */
const MAX_PER_ROUND = 2500;
const MIN_PER_ROUND = 300;
const CHUNK = 100;
const CHUNK_PAUSE_MS = 5;
const SEED = 0x5eed_0007;

/**
 * Message n: an RFC 5424 header with a fixed time, so a replay is the same
 * alert; the destination port carries n (all rounds stay below 64511).
 */
function message(n: number): string {
  const src = `198.51.100.${n % 250}`;
  return `<134>1 2026-12-04T08:00:00.000Z sensor-1 ids - - - CEF:0|Lagebild|KillTest|1.0|100|Kill test ${n}|5|src=${src} dpt=${1024 + n}`;
}

/** The message number an alert came from, by its fields; NaN when they do not agree. */
function numberOf(srcIp: string | null, dstPort: number | null): number {
  const n = (dstPort ?? 0) - 1024;
  return n >= 0 && srcIp === `198.51.100.${n % 250}` ? n : Number.NaN;
}

const serves: ServeProcess[] = [];
afterAll(() => {
  for (const serve of serves) serve.child.kill('SIGKILL');
});

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Connects to the syslog listener, trying until it is bound. */
async function connectSender(port: number): Promise<Socket> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const socket = connect(port, '127.0.0.1');
    try {
      await once(socket, 'connect');
      // A kill resets the connection; the test notices by the exit, not by the socket.
      socket.on('error', () => undefined);
      return socket;
    } catch (error) {
      socket.destroy();
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Writes messages in chunks, pausing between them so the core commits as it reads. */
async function send(socket: Socket, numbers: number[]): Promise<void> {
  for (let i = 0; i < numbers.length; i += CHUNK) {
    if (socket.destroyed) return;
    const lines = numbers.slice(i, i + CHUNK).map((n) => `${message(n)}\n`);
    socket.write(lines.join(''));
    await new Promise((resolve) => setTimeout(resolve, CHUNK_PAUSE_MS));
  }
}

interface Stored {
  integrity: string;
  total: number;
  distinct: number;
  /** The message number behind each stored alert; NaN for one no message made. */
  numbers: number[];
}

function stored(cache: string): Stored {
  const db = new Database(cache, { readonly: true });
  try {
    const integrity = db.prepare('PRAGMA integrity_check').pluck().get() as string;
    const total = db.prepare('SELECT count(*) FROM alerts').pluck().get() as number;
    const distinct = db.prepare('SELECT count(DISTINCT id) FROM alerts').pluck().get() as number;
    const rows = db.prepare('SELECT src_ip, dst_port FROM alerts').all() as {
      src_ip: string | null;
      dst_port: number | null;
    }[];
    const numbers = rows.map((row) => numberOf(row.src_ip, row.dst_port));
    return { integrity, total, distinct, numbers };
  } finally {
    db.close();
  }
}

describe('a syslog TCP feed killed mid-ingest', () => {
  it('never doubles, corrupts or loses a committed alert, through repeated SIGKILLs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagebild-syslog-kill-'));
    const cache = join(dir, 'cache.sqlite');
    const port = await freePort();
    writeFileSync(
      join(dir, 'config.json'),
      JSON.stringify({
        cache,
        feeds: [{ id: 'siem', type: 'syslog', transport: 'tcp', port, tlp: 'clear' }],
      }),
    );
    const start = async () => {
      const serve = await startServe(['--config', join(dir, 'config.json')], {
        LAGEBILD_HOME: dir,
      });
      serves.push(serve);
      return serve;
    };
    const random = seededRandom(SEED);

    let written = 0;
    let previousRound: number[] = [];
    let committed = new Set<number>();
    let interrupted = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const serve = await start();
      const sender = await connectSender(port);
      // The sender's queue replays the round before, then new messages follow.
      const fresh = between(random, MIN_PER_ROUND, MAX_PER_ROUND);
      const thisRound = [...previousRound, ...Array.from({ length: fresh }, (_, i) => written + i)];
      written += fresh;
      await send(sender, thisRound);
      // Killed at a moment the seed picks: often with messages read but not yet committed.
      await new Promise((resolve) => setTimeout(resolve, between(random, 0, 150)));
      serve.child.kill('SIGKILL');
      await once(serve.child, 'exit');
      sender.destroy();

      const after = stored(cache);
      expect(after.integrity, `round ${round}`).toBe('ok');
      expect(after.total, `round ${round}: doubled alerts`).toBe(after.distinct);
      expect(new Set(after.numbers).size, `round ${round}: doubled messages`).toBe(after.total);
      expect(
        after.numbers.filter((n) => !(n >= 0 && n < written)),
        `round ${round}: alerts no message made`,
      ).toEqual([]);
      const now = new Set(after.numbers);
      expect(
        [...committed].filter((n) => !now.has(n)),
        `round ${round}: committed alerts lost`,
      ).toEqual([]);
      committed = now;
      previousRound = thisRound;
      if (now.size < written) interrupted += 1;
    }
    // The kills did land mid-ingest, with messages written but not committed.
    expect(interrupted).toBeGreaterThan(0);

    // The queue replays everything it ever sent: each message is stored once.
    const last = await start();
    const sender = await connectSender(port);
    await send(
      sender,
      Array.from({ length: written }, (_, n) => n),
    );
    await expect.poll(() => stored(cache).total, { timeout: 30_000, interval: 100 }).toBe(written);
    sender.end();
    await last.stop();
    const final = stored(cache);
    expect(final.integrity).toBe('ok');
    expect(final.total).toBe(written);
    expect(final.distinct).toBe(written);
    expect(new Set(final.numbers)).toEqual(new Set(Array.from({ length: written }, (_, n) => n)));
  }, 60_000);
});
