/**
 * The syslog part of `npm run bench`: CEF in RFC 5424 messages sent over
 * loopback UDP at a fixed rate, from a worker thread so that the sender
 * and the feed do not share an event loop, to a syslog feed that parses,
 * enriches and stores them. It counts what arrived: UDP drops silently
 * when the receiver falls behind, and the drop rate is the figure to watch
 * (target 0). The messages are generated, not real traffic.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseConfig } from '../main/core/config';
import { FeedHealthBook } from '../main/core/feed-health';
import { Ingestor } from '../main/core/ingest';
import { runSyslog, type SyslogFeedConfig } from '../main/core/syslog-feed';
import type { Enricher } from '../main/enrich/enricher';
import { AlertCache } from '../main/store/alert-cache';
import { random, SIGNATURES, SOURCE_HOSTS, sourceIp } from './generate-eve';

/** What one run sent and received. */
export interface SyslogUdpFigures {
  rate: number;
  sent: number;
  received: number;
  stored: number;
  /** Messages received per second of sending. */
  perSec: number;
  /** Share of sent messages that never arrived. */
  dropRate: number;
}

const MAX_RATE = 100_000;
const MAX_SECONDS = 30;
// After the sender is done, the feed is given this long with nothing new before counting.
const QUIET_MS = 500;
const MAX_DRAIN_MS = 10_000;

// Distinct CEF payloads the sender cycles through; its header time and
// number make every message unique.
const PAYLOADS = 5000;

// The sender, run as a CommonJS worker: it paces itself every millisecond
// to send what is due by then.
const SENDER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createSocket } = require('node:dgram');
const { port, rate, seconds, payloads } = workerData;
const socket = createSocket('udp4');
const total = Math.round(rate * seconds);
const start = performance.now();
let sent = 0;
function message(n) {
  const payload = payloads[n % payloads.length];
  return '<134>1 ' + new Date().toISOString() + ' bench-fw ids - - - ' + payload + ' cn1=' + n;
}
function tick() {
  const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
  while (sent < due) socket.send(message(sent++), port, '127.0.0.1');
  if (sent < total) return setTimeout(tick, 1);
  const seconds = (performance.now() - start) / 1000;
  socket.send(message(sent++), port, '127.0.0.1', () => {
    socket.close();
    parentPort.postMessage({ sent, seconds });
  });
}
tick();
`;

/** Sends `seconds` × `rate` messages to a new syslog feed caching into `dir`. */
export async function syslogUdpRun(
  dir: string,
  enrich: Enricher,
  rate: number,
  seconds: number,
): Promise<SyslogUdpFigures> {
  const boundedRate = Math.min(Math.max(1, rate), MAX_RATE);
  const boundedSeconds = Math.min(Math.max(0.1, seconds), MAX_SECONDS);
  const config = parseConfig(
    { feeds: [{ id: 'bench-syslog', type: 'syslog', port: 0 }] },
    'bench',
    dir,
  );
  const feed = config.feeds[0] as SyslogFeedConfig;
  const cache = AlertCache.open(join(dir, 'syslog-udp.sqlite'));
  let received = 0;
  const health = new FeedHealthBook();
  const running = runSyslog(
    feed,
    { id: feed.id, type: feed.type, tlp: feed.tlp },
    { cache, ingestor: new Ingestor(cache, enrich), health, changed: () => undefined },
    (summary) => (received += summary.records),
  );
  try {
    const { port } = await running.listening;
    const worker = new Worker(SENDER, {
      eval: true,
      workerData: { port, rate: boundedRate, seconds: boundedSeconds, payloads: cefPayloads() },
    });
    const done = await new Promise<{ sent: number; seconds: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await drained(() => received);
    running.stop();
    return {
      rate: boundedRate,
      sent: done.sent,
      received,
      stored: cache.stats().alerts,
      perSec: Math.round(received / done.seconds),
      dropRate: Number(((done.sent - received) / done.sent).toFixed(4)),
    };
  } finally {
    running.stop();
    cache.close();
  }
}

/**
 * CEF payloads shaped like the EVE load: the same rules, a few public hosts
 * sending most alerts, a few internal targets.
 */
function cefPayloads(): string[] {
  const next = random(7);
  return Array.from({ length: PAYLOADS }, (_, i) => {
    const host = Math.floor(SOURCE_HOSTS * next() ** 3);
    const rule = next() < 0.8 ? host % SIGNATURES.length : Math.floor(next() * SIGNATURES.length);
    const [signature, category, priority] = SIGNATURES[rule]!;
    const target = `10.16.${i % 4}.${1 + (i % 254)}`;
    return (
      `CEF:0|Lagebild|Bench|1|${rule}|${signature}|${10 - 3 * priority}|` +
      `src=${sourceIp(host)} spt=${1024 + i} dst=${target} dpt=443 cat=${category}`
    );
  });
}

/** Waits until `count` has not grown for QUIET_MS, or MAX_DRAIN_MS have passed. */
async function drained(count: () => number): Promise<void> {
  const until = Date.now() + MAX_DRAIN_MS;
  let last = -1;
  while (count() !== last && Date.now() < until) {
    last = count();
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  }
}

/** A run at BENCH_SYSLOG_RATE messages/s (default 10,000) for BENCH_SYSLOG_SECONDS (default 3). */
export function syslogUdpBench(dir: string, enrich: Enricher): Promise<SyslogUdpFigures> {
  const rate = Number(process.env.BENCH_SYSLOG_RATE ?? 10_000);
  const seconds = Number(process.env.BENCH_SYSLOG_SECONDS ?? 3);
  return syslogUdpRun(dir, enrich, rate, seconds);
}

/** The figures as keys of the `--json` object. */
export function syslogUdpJson(figures: SyslogUdpFigures) {
  return {
    syslogUdpRate: figures.rate,
    syslogUdpSent: figures.sent,
    syslogUdpReceived: figures.received,
    syslogUdpStored: figures.stored,
    syslogUdpPerSec: figures.perSec,
    syslogUdpDropRate: figures.dropRate,
  };
}

/** The figures as labelled lines. */
export function syslogUdpText(figures: SyslogUdpFigures): string[] {
  const label = (name: string, value: string) => `${`${name}:`.padEnd(56)} ${value}`;
  return [
    `Syslog CEF over loopback UDP at ${figures.rate} generated messages/s (not real traffic)`,
    label('received / sent', `${figures.received} / ${figures.sent} (${figures.stored} stored)`),
    label('received per second', `${figures.perSec}`),
    label('drop rate', `${figures.dropRate} (target 0)`),
  ];
}
