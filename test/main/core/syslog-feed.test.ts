/**
 * The syslog feed with real senders: util-linux `logger` over UDP and TCP
 * (RFC 5424 and 3164, octet counting and newline framing), a TLS client,
 * and raw datagrams, into a real cache. Expectations come from the sample
 * files' own text.
 */
import { createSocket } from 'node:dgram';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { run, sampleLines, syslogHarness, valuesOf } from '../../support/syslog';

const { dir, startFeed, startFeedNoWait, logFile, stopFeeds } = syslogHarness();
const CEF = sampleLines('cef', 'elastic-beats_cef.log');
const CHECKPOINT = sampleLines('cef', 'elastic-beats_checkpoint.log');
const LEEF = sampleLines('leef', 'tenzir_leef-over-syslog.log');
/** The first message of each rsyslog parser test case: plain syslog, no CEF or LEEF. */
const RSYSLOG = ['1', '2', '4', 'date1', 'date5', 'reallife', 'rfc3164', 'upcase-date']
  .map((name) => `rsyslog_${name}.parse1`)
  .concat(['1', '2', '3', '4'].map((n) => `rsyslog_rfc5424-${n}.parse1`))
  .map((name) => sampleLines('syslog', name).find((line) => line.startsWith('<'))!);

afterEach(stopFeeds);

function sendDatagrams(port: number, messages: (string | Buffer)[]): Promise<void> {
  const socket = createSocket('udp4');
  return new Promise((resolve, reject) => {
    let left = messages.length;
    for (const message of messages) {
      socket.send(message, port, '127.0.0.1', (error) => {
        if (error) reject(error);
        left -= 1;
        if (left === 0) {
          socket.close();
          resolve();
        }
      });
    }
  });
}

describe('syslog feed', () => {
  it('reads CEF sent by logger over UDP, as RFC 5424 and as RFC 3164', async () => {
    const { alerts, port } = await startFeed({ transport: 'udp' });
    const before = Date.now();
    await logFile(port, CEF, ['-d', '--rfc5424']);
    await logFile(port, CHECKPOINT, ['-d', '--rfc3164']);
    const stored = await alerts(CEF.length + CHECKPOINT.length);
    const lines = [...CEF, ...CHECKPOINT];
    expect(
      stored
        .map((a) => a.source?.ip)
        .filter(Boolean)
        .sort(),
    ).toEqual(valuesOf(lines, 'src').concat('fd00::555').sort());
    expect(
      stored
        .map((a) => a.destination?.port)
        .filter(Boolean)
        .sort(),
    ).toEqual(valuesOf(lines, 'dpt').map(Number).sort());
    const byTitle = (title: string) => stored.filter((a) => a.title === title);
    expect(byTitle('Web request')).toMatchObject([
      { severity: 'low', destination: { ip: '192.168.10.1', port: 443 } },
    ]);
    // Without rt the syslog header's time counts; with it, the device's.
    expect(byTitle('Web request')[0]!.observedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(stored.map((a) => a.observedAt)).toEqual(
      expect.arrayContaining(valuesOf(CHECKPOINT, 'rt').map(Number)),
    );
    expect(new Set(stored.map((a) => a.signature))).toEqual(
      new Set(['cef:Elastic:Vaporware:18', 'cef:Check Point:VPN-1 & FireWall-1:Log']),
    );
  });

  it('reads LEEF from logger over TCP with octet counting, and CEF with newline framing', async () => {
    const { alerts, port } = await startFeed({ transport: 'tcp' });
    const payloads = LEEF.map((line) => line.slice(line.indexOf('LEEF:')));
    await logFile(port, payloads, ['-T', '--octet-count', '--rfc5424']);
    await logFile(port, CEF, ['-T', '--rfc3164']);
    const stored = await alerts(LEEF.length + CEF.length);
    expect(stored.filter((a) => a.signature?.startsWith('leef:'))).toHaveLength(LEEF.length);
    expect(stored.find((a) => a.title === 'NSS: ALLOW')).toMatchObject({
      source: { ip: valuesOf(LEEF, 'src')[0] },
      destination: { ip: valuesOf(LEEF, 'dst')[0] },
      category: 'firewall',
    });
    expect(stored.find((a) => a.title.startsWith('Microsoft'))).toMatchObject({
      severity: 'medium',
      observedAt: Date.UTC(2019, 10, 21, 13, 44, 35),
    });
  });

  it('reads octet-counted messages over TLS, with their own RFC 5424 headers', async () => {
    const certDir = mkdtempSync(join(dir, 'tls-'));
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(certDir, 'key.pem'),
      '-out',
      join(certDir, 'cert.pem'),
    ]);
    const { alerts, cache, port } = await startFeed({
      transport: 'tls',
      tls: { cert: join(certDir, 'cert.pem'), key: join(certDir, 'key.pem') },
    });
    const frames = [...LEEF, '<13>1 - host app - - - not an alert'].map(
      (message) => `${Buffer.byteLength(message)} ${message}`,
    );
    await new Promise<void>((resolve, reject) => {
      const socket = connect(
        { host: '127.0.0.1', port, ca: readFileSync(join(certDir, 'cert.pem')) },
        () => {
          socket.end(frames.join(''), resolve);
        },
      );
      socket.on('error', reject);
    });
    const stored = await alerts(LEEF.length);
    // The header's time stands in where a record has no devTime.
    expect(stored.find((a) => a.title === 'NSS: ALLOW')?.observedAt).toBe(
      Date.parse('2019-11-21T13:44:37Z'),
    );
    await expect.poll(() => cache.stats().quarantined).toBe(1);
    expect(cache.listQuarantine(10)[0]?.reason).toMatch(/^syslog: payload is neither CEF nor LEEF/);
  });

  it('quarantines what does not parse, with reasons, and stores a re-sent message once', async () => {
    const { alerts, cache, health, port } = await startFeed({ maxMessageBytes: 1024 });
    const duplicate = `<134>1 2024-05-31T10:00:00Z fw01 ids - - - ${CEF[0]}`;
    await sendDatagrams(port, [
      duplicate,
      duplicate,
      ...RSYSLOG,
      '<134>Oct 11 22:14:15 fw01 ids: CEF:0|Acme|IDS|1|100|Scan',
      `<134>Oct 11 22:14:15 fw01 ids: CEF:0|a|b|c|d|e|5|src=${'x'.repeat(2000)}`,
      Buffer.from([0x3c, 0x31, 0x3e, 0xff, 0xfe]),
    ]);
    await logFile(port, ['no payload here'], ['-d', '--rfc5424']);
    await alerts(1);
    const quarantined = RSYSLOG.length + 4;
    await expect.poll(() => cache.stats().quarantined, { timeout: 10_000 }).toBe(quarantined);
    const reasons = cache.listQuarantine(100).map((entry) => entry.reason);
    expect(reasons.filter((r) => /^syslog: payload is neither CEF nor LEEF/.test(r))).toHaveLength(
      RSYSLOG.length + 1,
    );
    expect(reasons).toEqual(
      expect.arrayContaining([
        'syslog: CEF header has 5 of 7 fields',
        expect.stringMatching(/^message of \d+ bytes is over the 1024-byte limit$/),
        'invalid UTF-8',
      ]),
    );
    expect(
      cache.listQuarantine(100).every((entry) => entry.position.startsWith('udp from 127.0.0.1:')),
    ).toBe(true);
    const [feedHealth] = health.snapshot(cache.feedCounters());
    expect(feedHealth).toMatchObject({ state: 'connected', alerts: 1, quarantined, errorCount: 0 });
    expect(feedHealth!.eventsPerSec).toBeGreaterThan(0);
  });

  it('reports a port it cannot bind as down, with the error', async () => {
    const first = await startFeed({ transport: 'tcp' });
    const second = await startFeedNoWait({ transport: 'tcp', port: first.port });
    await expect
      .poll(() => second.health.snapshot([])[0])
      .toMatchObject({
        state: 'down',
        errorCount: 1,
        lastError: expect.stringMatching(/EADDRINUSE/),
      });
  });
});
