import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ArcSchema, QuarantineEntrySchema, StatsSchema } from '../../../shared/api';
import { AlertDetailSchema, AlertSchema, type Alert } from '../../../shared/model';
import { AlertCache } from '../../../main/store/alert-cache';
import { ALERT_VIEW_COLUMNS } from '../../../main/store/alert-row';
import { makeAlert, removeTempFiles, tempCacheFile } from './helpers';

afterEach(removeTempFiles);

const MINUTE = 60_000;
const T0 = Date.UTC(2025, 4, 1, 8, 0, 0);

const berlin = {
  ip: '10.16.1.11',
  addressClass: 'private',
  site: 'Berlin HQ',
  lat: 52.52,
  lon: 13.405,
};

/** Eight alerts across two feeds whose counts are worked out by hand below. */
function sampleAlerts(): (Alert & { raw: string })[] {
  return [
    makeAlert({
      id: 'eve:s-000001',
      severity: 'high',
      observedAt: T0,
      source: {
        ip: '82.165.177.154',
        country: 'FR',
        asn: 8560,
        asOrg: 'IONOS SE',
        lat: 46.6,
        lon: 2.4,
      },
      destination: { ...berlin, addressClass: 'private', geoSource: 'inventory' },
      sectors: ['financial-services'],
    }),
    makeAlert({
      id: 'eve:s-000002',
      severity: 'high',
      observedAt: T0 + 10_000,
      source: { ip: '82.165.177.155', country: 'FR', lat: 46.62, lon: 2.41 },
      destination: { ...berlin, addressClass: 'private' },
      sectors: ['financial-services', 'government'],
    }),
    makeAlert({
      id: 'eve:s-000003',
      severity: 'critical',
      observedAt: T0 + MINUTE,
      source: { ip: '8.8.8.8', country: 'US', lat: 39.8, lon: -98.6 },
      destination: { ...berlin, addressClass: 'private' },
      sectors: ['financial-services'],
      tlp: 'red',
    }),
    makeAlert({
      id: 'eve:s-000004',
      severity: 'low',
      observedAt: T0 + MINUTE,
      source: { ip: '8.8.4.4', country: 'US' },
      destination: { ip: '1.1.1.1', country: 'AU', lat: -25.3, lon: 133.8 },
    }),
    makeAlert({ id: 'eve:s-000005', severity: 'info', observedAt: T0 + 2 * MINUTE }),
    makeAlert({
      id: 'misp:i-00001',
      feed: 'misp',
      kind: 'indicator',
      severity: 'medium',
      observedAt: T0,
      tlp: 'green',
      source: { ip: '203.0.113.9', country: 'NL' },
      sectors: ['government'],
    }),
    makeAlert({
      id: 'misp:i-00002',
      feed: 'misp',
      kind: 'sighting',
      severity: 'medium',
      observedAt: T0 + 3 * MINUTE,
      tlp: 'clear',
      destination: { ip: '10.20.0.1', country: 'DE' },
    }),
    makeAlert({
      id: 'misp:a-00003',
      feed: 'misp',
      kind: 'advisory',
      severity: 'high',
      tlp: 'clear',
    }),
  ];
}

function filledCache(): AlertCache {
  const cache = AlertCache.open(tempCacheFile());
  const alerts = sampleAlerts();
  for (const feed of ['sensor-a', 'misp']) {
    cache.commit({
      feed,
      feedType: feed === 'misp' ? 'stix21' : 'eve',
      alerts: alerts.filter((alert) => alert.feed === feed),
      quarantine:
        feed === 'misp' ? [{ position: 'object 4', reason: 'no pattern', raw: '{}' }] : [],
    });
  }
  return cache;
}

describe('AlertCache queries', () => {
  it('computes stats that match hand-counted totals', () => {
    const cache = filledCache();
    expect(cache.stats()).toEqual({
      alerts: 8,
      quarantined: 1,
      byKind: { alert: 5, indicator: 1, sighting: 1, advisory: 1 },
      bySeverity: { info: 1, low: 1, medium: 2, high: 3, critical: 1 },
      byCountry: { FR: 2, US: 2, NL: 1, unknown: 3 },
      byTargetCountry: { AU: 1, DE: 1, unknown: 6 },
      bySector: { 'financial-services': 3, government: 2, unknown: 4 },
      byTlp: { amber: 4, red: 1, green: 1, clear: 2 },
      byFeed: { 'sensor-a': 5, misp: 3 },
      // The first two alerts share rule, target and source /24; the rest differ.
      incidents: 7,
      byStatus: { new: 7 },
    });
    cache.close();
  });

  it('answers in the shapes of the API contract', () => {
    const cache = filledCache();
    expect(() => StatsSchema.parse(cache.stats())).not.toThrow();
    expect(() => ArcSchema.array().parse(cache.arcs(10))).not.toThrow();
    expect(() => AlertSchema.array().parse(cache.recentAlerts(10))).not.toThrow();
    expect(() => AlertDetailSchema.parse(cache.getAlert('eve:s-000001'))).not.toThrow();
    expect(() => QuarantineEntrySchema.array().parse(cache.listQuarantine(10))).not.toThrow();
    cache.close();
  });

  it('keeps the rollups equal to counting the alerts', () => {
    const cache = filledCache();
    const db = new Database(cache.file, { readonly: true });
    const counted = db
      .prepare(
        `SELECT observed_at / 60000 AS minute, feed, kind, severity,
           coalesce(src_country, '') AS src, coalesce(dst_country, '') AS dst, tlp, count(*) AS n
         FROM alerts GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7`,
      )
      .all();
    const minutes = db
      .prepare(
        `SELECT minute, feed, kind, severity, src_country AS src, dst_country AS dst, tlp, n
         FROM alert_counts_minute ORDER BY 1, 2, 3, 4, 5, 6, 7`,
      )
      .all();
    expect(minutes).toEqual(counted);
    const total = db.prepare('SELECT sum(n) FROM alert_counts_total').pluck().get();
    expect(total).toBe(db.prepare('SELECT count(*) FROM alerts').pluck().get());
    const sectors = db.prepare('SELECT sum(n) FROM sector_counts_minute').pluck().get();
    expect(sectors).toBe(9);
    db.close();
    cache.close();
  });

  it('lists recent alerts newest first, as they were committed', () => {
    const cache = filledCache();
    const recent = cache.recentAlerts(3);
    expect(recent.map((alert) => alert.id)).toEqual([
      'misp:a-00003',
      'misp:i-00002',
      'misp:i-00001',
    ]);
    const { raw: _raw, ...first } = sampleAlerts()[0] as Alert & { raw: string };
    expect(cache.recentAlerts(100).at(-1)).toEqual({
      ...first,
      incidentId: expect.stringMatching(/^inc-/),
    });
    cache.close();
  });

  it('hands out live deltas by seq', () => {
    const cache = filledCache();
    expect(cache.latestSeq()).toBe(8);
    const first = cache.alertsAfter(0, 5);
    expect(first.alerts.map((alert) => alert.id)).toEqual(
      sampleAlerts()
        .slice(0, 5)
        .map((alert) => alert.id),
    );
    expect(first.lastSeq).toBe(5);
    expect(cache.alertsAfter(first.lastSeq, 100).alerts).toHaveLength(3);
    expect(cache.alertsAfter(8, 100)).toEqual({ alerts: [], lastSeq: 8 });
    cache.close();
  });

  it('groups arcs by rounded coordinates, from source to destination, naming known countries', () => {
    const cache = filledCache();
    const arcs = cache.arcs(10);
    expect(arcs).toEqual([
      {
        from: [2.4, 46.6],
        to: [13.4, 52.5],
        count: 2,
        severity: 'high',
        lastSeen: T0 + 10_000,
        fromCountry: 'FR',
      },
      {
        fromCountry: 'US',
        from: [-98.6, 39.8],
        to: [13.4, 52.5],
        count: 1,
        severity: 'critical',
        lastSeen: T0 + MINUTE,
      },
    ]);
    expect(cache.arcs(1)).toHaveLength(1);
    cache.close();
  });

  it('returns an alert with its raw record byte for byte', () => {
    const cache = AlertCache.open(tempCacheFile());
    const raw = '{"signature":"Zugriff verweigert: Größe überschritten 🚨","note":"日本語\\u0000"}';
    const alert = makeAlert({ id: 'eve:raw-00001', title: 'Größe 🚨', raw });
    cache.commit({ feed: 'sensor-a', feedType: 'eve', alerts: [alert], quarantine: [] });
    const detail = cache.getAlert(alert.id);
    expect(detail?.raw).toBe(raw);
    expect(detail?.title).toBe('Größe 🚨');
    expect(cache.getAlert('eve:missing-1')).toBeNull();
    cache.close();
  });

  it('stores and reads back every field of an alert', () => {
    const cache = AlertCache.open(tempCacheFile());
    const endpoint = (ip: string, site: string) => ({
      ip,
      port: 8443,
      hostname: `${site.toLowerCase()}.example.org`,
      addressClass: 'private' as const,
      country: 'DE',
      asn: 3320,
      asOrg: 'Deutsche Telekom AG',
      lat: 50.1109,
      lon: 8.6821,
      geoSource: 'inventory' as const,
      site,
      organisation: `${site} GmbH`,
    });
    const alert = makeAlert({
      id: 'eve:full-000001',
      signature: 'suricata:1:2001219:20',
      source: endpoint('10.16.1.1', 'Frankfurt'),
      destination: endpoint('10.20.2.2', 'Berlin'),
      sectors: ['financial-services', 'government'],
      tags: ['tcp', 'tls', 'dns:example.org'],
    });
    cache.commit({ feed: 'sensor-a', feedType: 'eve', alerts: [alert], quarantine: [] });
    const { raw, ...fields } = alert;
    // The cache attaches every alert to an incident.
    const [incident] = cache.incidents({});
    expect(cache.getAlert(alert.id)).toEqual({ ...fields, incidentId: incident?.id, raw });
    expect(cache.recentAlerts(1)).toEqual([{ ...fields, incidentId: incident?.id }]);
    cache.close();
  });

  it('reads newest alerts and alerts by id through indexes, without sorting', () => {
    const cache = filledCache();
    const db = new Database(cache.file, { readonly: true });
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((row) => row.detail)
        .join('\n');
    const recent = plan(`SELECT ${ALERT_VIEW_COLUMNS} FROM alert_view ORDER BY seq DESC LIMIT 10`);
    expect(recent).not.toMatch(/TEMP B-TREE/);
    expect(recent).toMatch(/SCAN a\b/);
    const byId = plan(
      "SELECT seq FROM alert_view WHERE substr(id, -8) = substr('x', -8) AND id = 'x'",
    );
    expect(byId).toMatch(/USING INDEX alerts_id_tail/);
    db.close();
    cache.close();
  });
});
