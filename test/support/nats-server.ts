/**
 * Starts Debian's nats-server with JetStream on a loopback port the OS
 * chooses, storing into a directory of its own, for the tests and the
 * benchmark. It can be stopped and started again on the same port and
 * store, as a restarted server would be.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's package puts the server. */
export const NATS_SERVER = process.env.NATS_SERVER ?? '/usr/sbin/nats-server';

const READY_MS = 10_000;
const STOP_MS = 5_000;

/** Whether the server binary is installed. */
export function natsServerInstalled(): boolean {
  return existsSync(NATS_SERVER);
}

/** A running nats-server. */
export interface NatsServer {
  /** The client URL, e.g. nats://127.0.0.1:40123. */
  url: string;
  port: number;
  /** Stops the server (SIGTERM, SIGKILL when it lingers); stopping twice is fine. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same store. */
  restart(): Promise<void>;
}

/** Starts a server; `args` adds options such as `--user` and `--pass`. */
export async function startNatsServer(args: string[] = []): Promise<NatsServer> {
  const storeDir = mkdtempSync(join(tmpdir(), 'lagebild-nats-'));
  let port = -1; // -1: the server binds to a port the OS chooses
  let child: ChildProcess | undefined;

  const start = async () => {
    const started = spawn(
      NATS_SERVER,
      ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir, ...args],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    child = started;
    port = await readyPort(started);
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = once(running, 'exit');
    running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), STOP_MS);
    await exited;
    clearTimeout(timer);
  };

  await start();
  return {
    get url() {
      return `nats://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    stop,
    async restart() {
      await stop();
      await start();
    },
  };
}

/** Waits for the server to say it is ready, and returns the port it listens on. */
function readyPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let log = '';
    let ready = false;
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`nats-server ${why}:\n${log}`));
    };
    const timer = setTimeout(() => fail(`not ready within ${READY_MS} ms`), READY_MS);
    child.once('error', (error) => fail(error.message));
    child.once('exit', (code) => fail(`exited with ${code}`));
    child.stderr!.on('data', (chunk: Buffer) => {
      if (ready) return; // read on, so that the server never blocks on a full pipe
      log += chunk.toString();
      const port = /Listening for client connections on [\d.]+:(\d+)/.exec(log)?.[1];
      if (port && log.includes('Server is ready')) {
        ready = true;
        clearTimeout(timer);
        child.removeAllListeners('exit');
        child.removeAllListeners('error');
        resolve(Number(port));
      }
    });
  });
}
