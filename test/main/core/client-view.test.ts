import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../main/core/config';
import {
  visibleAlerts,
  visibleCacheState,
  visibleFeed,
  visibleIncidents,
  visibleLevels,
} from '../../../main/core/client-view';
import { wallProfile } from '../../../main/core/wall-profiles';
import type { ClientContext } from '../../../main/core/api-types';
import { makeAlert } from '../../renderer/fixtures';

const config = parseConfig(
  { walls: { lobby: { tlpCeiling: 'clear', anonymise: true }, ops: { tlpCeiling: 'amber' } } },
  'test.json',
  '/',
);
const client = (wall?: string): ClientContext => {
  const profile = wall === undefined ? undefined : wallProfile(config, wall);
  return profile
    ? { name: 'wall', readOnly: true, wall: profile }
    : { name: 'analyst', readOnly: false };
};

describe('what a client may see', () => {
  const alerts = [
    makeAlert(1, {
      tlp: 'clear',
      source: { ip: '203.0.113.77', hostname: 'scanner.example', country: 'CN' },
    }),
    makeAlert(2, { tlp: 'green', source: { ip: '2001:db8:1:2::7' } }),
    makeAlert(3, { tlp: 'amber+strict' }),
    makeAlert(4, { tlp: 'red' }),
  ];

  it('gives analysts everything, as it is', () => {
    expect(visibleAlerts(alerts, client())).toEqual(alerts);
    expect(visibleLevels(client())).toHaveLength(5);
  });

  it('holds a wall to its ceiling, the default profile to TLP:GREEN', () => {
    expect(visibleAlerts(alerts, client('ops')).map((alert) => alert.tlp)).toEqual([
      'clear',
      'green',
    ]);
    expect(visibleLevels(client('ops'))).toEqual(['clear', 'green', 'amber']);
    expect(wallProfile(config, 'not-configured')).toMatchObject({
      name: 'not-configured',
      tlpCeiling: 'green',
    });
    expect(wallProfile(config, '../etc')).toBeUndefined();
    const incidents = [{ tlp: 'green' }, { tlp: 'red' }] as unknown as Parameters<
      typeof visibleIncidents
    >[0];
    expect(visibleIncidents(incidents, client('ops'))).toHaveLength(1);
  });

  it('shortens source addresses to their network on an anonymised wall, and drops host names', () => {
    const [shown] = visibleAlerts(alerts, client('lobby'));
    expect(shown?.source).toEqual({ ip: '203.0.113.0/24', country: 'CN' });
    const both = visibleAlerts(alerts, {
      ...client('lobby'),
      wall: { ...wallProfile(config, 'lobby')!, tlpCeiling: 'green' },
    });
    expect(both[1]?.source?.ip).toBe('2001:db8:1::/48');
  });

  it('shortens every address it shows and names no host on an anonymised wall', () => {
    const alert = makeAlert(9, {
      tlp: 'clear',
      incidentId: 'inc-12345678',
      title: 'Observed data: ipv4-addr 203.0.113.94 at 12:34:56',
      tags: ['observed:ipv4-addr 203.0.113.95', 'c2 2001:db8:1:2::9'],
      source: { hostname: 'benign.example' },
      destination: { ip: '100.64.10.10', hostname: 'clear-host.secret.example', site: 'HQ' },
    });
    const [shown] = visibleAlerts([alert], client('lobby'));
    expect(shown).not.toHaveProperty('incidentId');
    expect(shown?.title).toBe('Observed data: ipv4-addr 203.0.113.0/24 at 12:34:56');
    expect(shown?.tags).toEqual(['observed:ipv4-addr 203.0.113.0/24', 'c2 2001:db8:1::/48']);
    expect(shown?.source).toEqual({});
    expect(shown?.destination).toEqual({ ip: '100.64.10.0/24', site: 'HQ' });
  });

  it('tells a wall whether a feed runs, not its rates, errors or rejects', () => {
    const feed = {
      id: 'partner-red',
      type: 'file-tail',
      state: 'down' as const,
      eventsPerSec: 4.2,
      alerts: 90,
      quarantined: 3,
      errorCount: 2,
      lastError: 'ENOENT: /secret/path',
      stale: true,
      silentForMs: 5000,
    };
    expect(visibleFeed(feed, 0)).toEqual({
      id: 'partner-red',
      type: 'file-tail',
      state: 'down',
      eventsPerSec: 0,
      alerts: 0,
      quarantined: 0,
      errorCount: 0,
      stale: true,
      silentForMs: 5000,
    });
  });
});

describe('the cache state a wall is sent', () => {
  it('says whether the cache takes writes, without the message naming the file', () => {
    const state = {
      state: 'full' as const,
      message: 'The disk holding /home/analyst/cache.sqlite is full; 120 records waiting',
      since: 1_700_000_000_000,
    };
    expect(visibleCacheState(state)).toEqual({ state: 'full', since: 1_700_000_000_000 });
    expect(visibleCacheState({ state: 'ok' })).toEqual({ state: 'ok' });
  });
});
