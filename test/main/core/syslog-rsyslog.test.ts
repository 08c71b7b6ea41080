/**
 * The syslog feed with Debian's rsyslog as the sender, the way a relay in
 * front of Lagebild forwards: util-linux `logger` sends the CEF and LEEF
 * samples to rsyslogd over UDP, and rsyslogd forwards every message to two
 * Lagebild listeners, over TCP as RFC 5424 (octet-counted) and over UDP as
 * RFC 3164. Both paths must store the same alerts, with the host and app
 * from the headers rsyslog wrote.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSyslogHeader } from '../../../main/parsers/syslog-header';
import { LOGGER, run, sampleLines, syslogHarness, valuesOf } from '../../support/syslog';

/** Where Debian's rsyslog package puts the daemon. */
const RSYSLOGD = process.env.RSYSLOGD ?? '/usr/sbin/rsyslogd';
/** How long rsyslogd may take to start, and messages to arrive, on a busy machine. */
const READY_MS = 30_000;
const ARRIVE_MS = 30_000;
const STOP_MS = 5_000;

const { dir, startFeed, logFile, stopFeeds } = syslogHarness();
const CEF = [
  ...sampleLines('cef', 'elastic-beats_cef.log'),
  ...sampleLines('cef', 'elastic-beats_checkpoint.log'),
];
// The LEEF sample carries its own RFC 5424 headers: rsyslog gets the payloads.
const LEEF = sampleLines('leef', 'tenzir_leef-over-syslog.log').map((line) =>
  line.slice(line.indexOf('LEEF:')),
);
/** The tags logger gives each sample, which rsyslog forwards as app name. */
const CEF_TAG = 'lagebild-cef';
const LEEF_TAG = 'lagebild-leef';
const PROBE_TAG = 'lagebild-probe';

type Feed = Awaited<ReturnType<typeof startFeed>>;
let tcp: Feed;
let udp: Feed;
let rsyslogd: ChildProcess | undefined;
let rsyslogOutput = '';
let sentAt = 0;

/** A UDP port on loopback that nothing listens on just now. */
async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4');
  socket.bind(0, '127.0.0.1');
  await once(socket, 'listening');
  const { port } = socket.address();
  socket.close();
  return port;
}

/**
 * rsyslog's configuration: no system sockets (no imuxsock, no imklog), one
 * loopback UDP input whose messages go to both Lagebild listeners, each
 * action on a queue of its own so that one cannot hold up the other. Probe
 * messages only go to a file, to tell when rsyslogd is up.
 */
function rsyslogConfig(work: string, input: number, tcpPort: number, udpPort: number): string {
  return `
global(workDirectory="${join(work, 'spool')}" maxMessageSize="64k" net.enableDNS="off"
       processInternalMessages="on")
module(load="imudp")
input(type="imudp" address="127.0.0.1" port="${input}" ruleset="relay")

ruleset(name="relay") {
  if $programname == "${PROBE_TAG}" then {
    action(type="omfile" file="${join(work, 'probe.log')}")
    stop
  }
  action(type="omfwd" name="lagebild-tcp" target="127.0.0.1" port="${tcpPort}" protocol="tcp"
         TCP_Framing="octet-counted" template="RSYSLOG_SyslogProtocol23Format"
         queue.type="LinkedList" action.resumeRetryCount="-1" action.resumeInterval="1")
  action(type="omfwd" name="lagebild-udp" target="127.0.0.1" port="${udpPort}" protocol="udp"
         template="RSYSLOG_TraditionalForwardFormat" queue.type="LinkedList")
}

# rsyslogd's own messages, for the failure message.
action(type="omfile" file="${join(work, 'rsyslogd.log')}")
`;
}

/** What rsyslogd said, on stderr and in its own log, for a failure message. */
function rsyslogSaid(work: string): string {
  const log = join(work, 'rsyslogd.log');
  return `${rsyslogOutput}${existsSync(log) ? readFileSync(log, 'utf8') : ''}`.trim();
}

/** Starts rsyslogd in the foreground, and waits until a probe sent to its input comes through. */
async function startRsyslog(tcpPort: number, udpPort: number): Promise<number> {
  const work = mkdtempSync(join(dir, 'rsyslog-'));
  mkdirSync(join(work, 'spool'));
  const input = await freeUdpPort();
  const conf = join(work, 'rsyslog.conf');
  writeFileSync(conf, rsyslogConfig(work, input, tcpPort, udpPort));
  const child = spawn(RSYSLOGD, ['-n', '-f', conf, '-i', join(work, 'rsyslogd.pid')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  rsyslogd = child;
  let exited: string | undefined;
  child.once('error', (error) => (exited = error.message));
  child.once('exit', (code, signal) => (exited = `exited with ${signal ?? code}`));
  const keep = (chunk: Buffer) => (rsyslogOutput = (rsyslogOutput + chunk.toString()).slice(-8192));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);

  const probeLog = join(work, 'probe.log');
  const deadline = Date.now() + READY_MS;
  while (!(existsSync(probeLog) && readFileSync(probeLog, 'utf8').includes('ready'))) {
    if (exited !== undefined || Date.now() > deadline) {
      const why = exited ?? `not forwarding within ${READY_MS} ms`;
      throw new Error(`rsyslogd ${why}:\n${rsyslogSaid(work)}`);
    }
    // Before rsyslogd binds, a probe may bounce: the next one is sent soon after.
    await run(LOGGER, [
      '-d',
      '-n',
      '127.0.0.1',
      '-P',
      String(input),
      '-t',
      PROBE_TAG,
      'ready',
    ]).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return input;
}

/** Stops rsyslogd: SIGTERM, then SIGKILL if it lingers. */
async function stopRsyslog(): Promise<void> {
  const child = rsyslogd;
  rsyslogd = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_MS);
  await exited;
  clearTimeout(timer);
}

beforeAll(async () => {
  if (!existsSync(RSYSLOGD)) {
    throw new Error(
      `${RSYSLOGD} is missing: install Debian's rsyslog (sudo apt-get install -y rsyslog); npm test installs it`,
    );
  }
  tcp = await startFeed({ transport: 'tcp' });
  udp = await startFeed({ transport: 'udp' });
  const input = await startRsyslog(tcp.port, udp.port);
  sentAt = Date.now();
  // Into rsyslog as both kinds of header; out of it as the forwarding templates write them.
  await logFile(input, CEF, ['-d', '--rfc5424'], CEF_TAG);
  await logFile(input, LEEF, ['-d', '--rfc3164'], LEEF_TAG);
}, READY_MS + 30_000);

afterAll(async () => {
  await stopRsyslog();
  stopFeeds();
});

/** Checks what a Lagebild listener stored from rsyslog, whose headers are `protocol`. */
async function expectForwarded(feed: Feed, protocol: 'rfc5424' | 'rfc3164') {
  const stored = await feed.alerts(CEF.length + LEEF.length, ARRIVE_MS);
  // The probes stopped in rsyslog; everything else parsed.
  expect(feed.cache.stats().quarantined).toBe(0);
  expect(
    stored
      .map((a) => a.source?.ip)
      .filter(Boolean)
      .sort(),
  ).toEqual(valuesOf(CEF, 'src').concat('fd00::555', valuesOf(LEEF, 'src')).sort());
  expect(
    stored
      .map((a) => a.destination?.port)
      .filter(Boolean)
      .sort(),
  ).toEqual(valuesOf(CEF, 'dpt').map(Number).sort());
  expect(new Set(stored.map((a) => a.signature))).toEqual(
    new Set([
      'cef:Elastic:Vaporware:18',
      'cef:Check Point:VPN-1 & FireWall-1:Log',
      'leef:Microsoft:Microsoft-Windows-Security-Mitigations:10',
      'leef:Zscaler:NSS:ALLOW',
    ]),
  );
  expect(stored.find((a) => a.title === 'NSS: ALLOW')).toMatchObject({
    source: { ip: valuesOf(LEEF, 'src')[0] },
    destination: { ip: valuesOf(LEEF, 'dst')[0] },
    category: 'firewall',
  });
  // Device times win over the header's.
  expect(stored.map((a) => a.observedAt)).toEqual(
    expect.arrayContaining([
      ...valuesOf(CEF, 'rt').map(Number),
      Date.UTC(2019, 10, 21, 13, 44, 35),
    ]),
  );
  // Each stored message starts with the header rsyslog wrote, which names the host logger
  // gave (RFC 3164 cuts it at the first dot) and logger's tag as the app.
  const messages = stored.map((alert) => {
    const raw = feed.cache.getAlert(alert.id)?.raw ?? '';
    const parsed = parseSyslogHeader(raw, Date.now());
    if (!parsed.ok) throw new Error(`${parsed.reason}: ${raw}`);
    const { header } = parsed;
    const cef = alert.signature!.startsWith('cef:');
    // A message that reached rsyslog as RFC 5424 leaves as RFC 3164 with a tag
    // without its colon ("... host app CEF:0|..."); it is read as the app all the same.
    expect(header).toMatchObject({
      protocol,
      hostname: cef ? hostname() : hostname().split('.')[0],
      appName: cef ? CEF_TAG : LEEF_TAG,
    });
    return header.message;
  });
  // Each sample line arrived once, unchanged but for the space around it.
  expect(messages.map((m) => m.trim()).sort()).toEqual(
    [...CEF, ...LEEF].map((line) => line.trim()).sort(),
  );
  expect(feed.health.snapshot(feed.cache.feedCounters())[0]).toMatchObject({
    state: 'connected',
    alerts: CEF.length + LEEF.length,
    quarantined: 0,
    errorCount: 0,
  });
  return stored;
}

describe('syslog feed with rsyslog forwarding', () => {
  it('reads RFC 5424 forwarded over TCP with octet counting', async () => {
    const stored = await expectForwarded(tcp, 'rfc5424');
    // Without a device time the header's counts: RFC 5424's, with zone and fraction.
    const webRequest = stored.find((a) => a.title === 'Web request')!;
    expect(webRequest.observedAt).toBeGreaterThanOrEqual(sentAt - 1000);
    expect(webRequest.observedAt).toBeLessThanOrEqual(Date.now());
  });

  it('reads RFC 3164 forwarded over UDP', async () => {
    const stored = await expectForwarded(udp, 'rfc3164');
    // RFC 3164's time has no zone (the sender's local time, read as UTC) and no year.
    const webRequest = stored.find((a) => a.title === 'Web request')!;
    expect(Math.abs(webRequest.observedAt - sentAt)).toBeLessThan(15 * 3600_000);
  });
});
