import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../main/core/config';

const NATS = {
  id: 'sensors',
  type: 'nats',
  servers: ['nats://10.0.0.5:4222', 'nats://10.0.0.6:4222'],
  stream: 'EVE',
  subject: 'eve.>',
  durable: 'wall-1',
};
const feedOf = (feed: Record<string, unknown>) =>
  parseConfig({ feeds: [{ ...NATS, ...feed }] }, 'x.json', '/etc/lagebild').feeds[0];

describe('NATS feed configuration', () => {
  it('reads EVE in batches of 500 with no credentials unless told otherwise', () => {
    expect(feedOf({})).toEqual({
      ...NATS,
      format: 'eve',
      tlp: 'amber',
      enabled: true,
      batchSize: 500,
    });
  });

  it('takes credentials by the names of environment variables', () => {
    expect(feedOf({ credentials: { tokenEnv: 'NATS_TOKEN' } })).toMatchObject({
      credentials: { tokenEnv: 'NATS_TOKEN' },
    });
    const password = { user: 'lagebild', passwordEnv: 'NATS_PASSWORD' };
    expect(feedOf({ credentials: password })).toMatchObject({ credentials: password });
  });

  it.each([
    [{ servers: [] }, 'x.json: feed "sensors": servers:'],
    [{ servers: ['http://10.0.0.5:4222'] }, 'feed "sensors": servers.0: a nats://host:port URL'],
    [{ servers: ['nats://u:secret@10.0.0.5:4222'] }, 'servers.0: no credentials in the URL'],
    [{ stream: 'eve stream' }, 'feed "sensors": stream: letters, digits, dash or underscore'],
    [{ durable: 'wall.1' }, 'feed "sensors": durable: letters, digits, dash or underscore'],
    [{ subject: 'eve..>' }, 'feed "sensors": subject: tokens separated by dots'],
    [{ batchSize: 0 }, 'feed "sensors": batchSize:'],
    [{ format: 'pcap' }, 'feed "sensors": format:'],
    [
      { credentials: { token: 's3cret' } },
      'feed "sensors": credentials: Unrecognized key: "token"',
    ],
    [{ credentials: { tokenEnv: 'nats-token' } }, 'credentials.tokenEnv: an environment variable'],
    [{ credentials: { user: 'lagebild' } }, 'credentials.passwordEnv: needed with a password'],
    [
      { credentials: { tokenEnv: 'T', user: 'u', passwordEnv: 'P' } },
      'credentials: give either tokenEnv, or user and passwordEnv',
    ],
    [{ path: '/var/log/x' }, 'feed "sensors": (feed): Unrecognized key: "path"'],
  ])('names the feed and the key of a mistake: %j', (feed, message) => {
    expect(() => feedOf(feed)).toThrow(message);
  });
});
