import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../main/core/config';

const feedOf = (feed: Record<string, unknown>) =>
  parseConfig({ feeds: [{ id: 'fw', type: 'syslog', ...feed }] }, 'x.json', '/etc/lagebild')
    .feeds[0];

describe('syslog feed configuration', () => {
  it('listens on loopback UDP for CEF and LEEF unless told otherwise', () => {
    expect(feedOf({})).toEqual({
      id: 'fw',
      type: 'syslog',
      format: 'syslog',
      transport: 'udp',
      host: '127.0.0.1',
      tlp: 'amber',
      enabled: true,
      maxMessageBytes: 64 * 1024,
      recvBufferBytes: 4 << 20,
    });
  });

  it('resolves TLS files against the configuration file', () => {
    expect(
      feedOf({ transport: 'tls', tls: { cert: 'c.pem', key: '/k.pem', ca: 'ca.pem' } }),
    ).toMatchObject({
      tls: { cert: '/etc/lagebild/c.pem', key: '/k.pem', ca: '/etc/lagebild/ca.pem' },
    });
  });

  it.each([
    [{ transport: 'tls' }, 'x.json: feed "fw": tls: needed when transport is tls'],
    [{ transport: 'quic' }, 'x.json: feed "fw": transport:'],
    [{ port: 70000 }, 'x.json: feed "fw": port:'],
    [{ format: 'eve' }, 'x.json: feed "fw": format:'],
    [{ path: '/var/log/x' }, 'x.json: feed "fw": (feed): Unrecognized key: "path"'],
  ])('names the feed and the key of a mistake: %j', (feed, message) => {
    expect(() => feedOf(feed)).toThrow(message);
  });
});
