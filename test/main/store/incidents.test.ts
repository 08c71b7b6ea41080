/**
 * The analysts' side of incidents: status, assignee and notes on the
 * timeline with time and author, surviving a reopen; and the triage filters.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { IncidentDetailSchema, StatsSchema } from '../../../shared/api';
import { IncidentSchema } from '../../../shared/model';
import { AlertCache } from '../../../main/store/alert-cache';
import { makeAlert, removeTempFiles, tempCacheFile } from './helpers';

afterEach(removeTempFiles);

const T0 = Date.UTC(2025, 5, 1, 8, 0, 0);
const by = (author: string, now: number) => ({ author, now });

function cacheWithTwoIncidents(file = tempCacheFile()) {
  const cache = AlertCache.open(file);
  cache.commit({
    feed: 'sensor-a',
    feedType: 'eve',
    quarantine: [],
    alerts: [
      makeAlert({
        id: 'eve:l-000001',
        title: 'ET EXPLOIT Apache log4j RCE Attempt',
        severity: 'critical',
        observedAt: T0,
        source: { ip: '203.0.113.5', country: 'RU' },
        destination: { ip: '10.16.0.9', site: 'Frankfurt DC' },
        sectors: ['financial-services'],
        tlp: 'red',
      }),
      makeAlert({
        id: 'eve:l-000002',
        title: 'ET SCAN Potential SSH Scan',
        severity: 'low',
        observedAt: T0 + 60_000,
        source: { ip: '198.51.100.7', country: 'CN' },
        destination: { ip: '10.20.0.3' },
        tlp: 'green',
      }),
    ],
  });
  const [log4j, scan] = ['log4j', 'SSH'].map(
    (text) => cache.incidents({ text })[0]?.id ?? 'missing',
  );
  return { cache, log4j: log4j as string, scan: scan as string };
}

describe('incident lifecycle', () => {
  it('records each status and assignee change on the timeline with time and author', () => {
    const { cache, log4j } = cacheWithTwoIncidents();
    cache.updateIncident(log4j, { status: 'acknowledged' }, by('alice', T0 + 1000));
    cache.updateIncident(
      log4j,
      { status: 'investigating', assignee: 'bob' },
      by('alice', T0 + 2000),
    );
    const detail = cache.addIncidentNote(log4j, 'Blocked at the **WAF**.', by('bob', T0 + 3000));
    expect(() => IncidentDetailSchema.parse(detail)).not.toThrow();
    expect(detail?.incident).toMatchObject({ status: 'investigating', assignee: 'bob' });
    expect(detail?.events.map(({ id: _id, ...event }) => event)).toEqual([
      { at: T0 + 1000, author: 'alice', kind: 'status', value: 'acknowledged', previous: 'new' },
      {
        at: T0 + 2000,
        author: 'alice',
        kind: 'status',
        value: 'investigating',
        previous: 'acknowledged',
      },
      { at: T0 + 2000, author: 'alice', kind: 'assignee', value: 'bob' },
      { at: T0 + 3000, author: 'bob', kind: 'note', value: 'Blocked at the **WAF**.' },
    ]);
    cache.close();
  });

  it('records nothing for a change to what is already set, and clears an assignee', () => {
    const { cache, log4j } = cacheWithTwoIncidents();
    cache.updateIncident(log4j, { status: 'new', assignee: '' }, by('alice', T0));
    expect(cache.incident(log4j)?.events).toEqual([]);
    cache.updateIncident(log4j, { assignee: 'carol' }, by('alice', T0));
    const cleared = cache.updateIncident(log4j, { assignee: '  ' }, by('alice', T0 + 1));
    expect(cleared?.incident.assignee).toBeUndefined();
    expect(cleared?.events.at(-1)).toMatchObject({
      kind: 'assignee',
      value: '',
      previous: 'carol',
    });
    cache.close();
  });

  it('answers null for an incident that does not exist', () => {
    const { cache } = cacheWithTwoIncidents();
    expect(cache.incident('inc-nothing-here')).toBeNull();
    expect(cache.updateIncident('inc-nothing-here', { status: 'resolved' }, by('a', 0))).toBeNull();
    expect(cache.addIncidentNote('inc-nothing-here', 'x', by('a', 0))).toBeNull();
    cache.close();
  });

  it('keeps status, assignee and notes across a reopen and new alerts', () => {
    const file = tempCacheFile();
    const { cache, log4j } = cacheWithTwoIncidents(file);
    cache.updateIncident(log4j, { status: 'false-positive', assignee: 'dave' }, by('dave', T0));
    cache.close();
    const reopened = AlertCache.open(file);
    // A new alert of the same incident changes its counts, not the analysts' fields.
    reopened.commit({
      feed: 'sensor-a',
      feedType: 'eve',
      quarantine: [],
      alerts: [
        makeAlert({
          id: 'eve:l-000003',
          title: 'ET EXPLOIT Apache log4j RCE Attempt',
          observedAt: T0 + 5 * 60_000,
          source: { ip: '203.0.113.6' },
          destination: { ip: '10.16.0.9', site: 'Frankfurt DC' },
        }),
      ],
    });
    expect(reopened.incident(log4j)?.incident).toMatchObject({
      status: 'false-positive',
      assignee: 'dave',
      alerts: 2,
    });
    expect(reopened.stats()).toMatchObject({
      incidents: 2,
      byStatus: { 'false-positive': 1, new: 1 },
    });
    expect(() => StatsSchema.parse(reopened.stats())).not.toThrow();
    reopened.close();
  });
});

describe('incident filters', () => {
  it('filters by status, severity, sector, country, feed, TLP, time and text', () => {
    const { cache, log4j, scan } = cacheWithTwoIncidents();
    cache.updateIncident(scan, { status: 'resolved' }, by('alice', T0));
    const ids = (filter: Parameters<AlertCache['incidents']>[0]) =>
      cache.incidents(filter).map((incident) => incident.id);
    expect(ids({ status: ['resolved'] })).toEqual([scan]);
    expect(ids({ severity: ['critical', 'high'] })).toEqual([log4j]);
    expect(ids({ sector: 'financial-services' })).toEqual([log4j]);
    expect(ids({ sector: 'unknown' })).toEqual([scan]);
    expect(ids({ country: 'CN' })).toEqual([scan]);
    expect(ids({ feed: 'sensor-a' })).toHaveLength(2);
    expect(ids({ feed: 'other' })).toEqual([]);
    expect(ids({ tlp: ['red'] })).toEqual([log4j]);
    expect(ids({ from: T0 + 30_000 })).toEqual([scan]);
    expect(ids({ to: T0 + 30_000 })).toEqual([log4j]);
    expect(ids({ text: 'frankfurt log4j' })).toEqual([log4j]);
    // LIKE wildcards in the text are taken literally.
    expect(ids({ text: '%' })).toEqual([]);
    expect(ids({ sort: 'severity' })).toEqual([log4j, scan]);
    expect(ids({ sort: 'lastSeen', limit: 1 })).toEqual([scan]);
    for (const incident of cache.incidents({})) {
      expect(() => IncidentSchema.parse(incident)).not.toThrow();
    }
    cache.close();
  });

  it('finds a country in lists of several, among texts that only look like lists', () => {
    const cache = AlertCache.open(tempCacheFile());
    const alert = (id: string, title: string, from: string, to?: string) =>
      makeAlert({
        id,
        title,
        severity: 'high',
        observedAt: T0,
        source: { ip: '198.51.100.7', country: from },
        destination: to === undefined ? { ip: '10.16.0.9' } : { ip: '192.0.2.1', country: to },
      });
    cache.commit({
      feed: 'sensor-a',
      feedType: 'eve',
      quarantine: [],
      alerts: [
        // A title that starts like a JSON list but is none.
        alert('eve:c-000001', '[SCAN] "DE" sweep', 'DE'),
        alert('eve:c-000002', 'ET EXPLOIT relay', 'DE', 'FR'),
        alert('eve:c-000003', 'ET POLICY probe', 'FR'),
      ],
    });
    const titles = (country: string) =>
      cache
        .incidents({ country, severity: ['high'] })
        .map((incident) => incident.title)
        .sort();
    expect(titles('DE')).toEqual(['ET EXPLOIT relay', '[SCAN] "DE" sweep']);
    expect(titles('FR')).toEqual(['ET EXPLOIT relay', 'ET POLICY probe']);
    expect(titles('US')).toEqual([]);
    expect(cache.incidents({ text: '[SCAN]' }).map((incident) => incident.title)).toEqual([
      '[SCAN] "DE" sweep',
    ]);
    cache.close();
  });
});
