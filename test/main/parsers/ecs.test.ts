import { describe, expect, it } from 'vitest';
import { parseEcsRecord } from '../../../main/parsers/ecs';
import { parseSampleFile } from './feed-file';
import { readSampleJson, sampleFiles } from './samples';

const NOTICES = 'ecs/elastic-beats_zeek-notice-expected-ecs.json';
const THREATFOX = 'ecs/elastic-integrations_ti_abusech-threatfox_sample_event.json';

describe('ECS samples', () => {
  it('covers every ECS sample', () => {
    expect(sampleFiles('ecs')).toEqual([NOTICES, THREATFOX]);
  });

  it('counts documents without event.kind as events, as ECS reads them', () => {
    expect(parseSampleFile(NOTICES, 'ecs')).toEqual({
      alerts: [],
      ignored: { event: 2 },
      failures: [],
    });
  });

  it('reads the same flattened documents marked as alerts, with their geo', () => {
    const documents = readSampleJson(NOTICES) as Record<string, unknown>[];
    // As newer Beats write them: the kind set, the notice's text as the message.
    const marked = JSON.stringify(
      documents.map((d) => ({ ...d, 'event.kind': 'alert', message: d['zeek.notice.msg'] })),
    );
    const result = parseEcsRecord(marked);
    expect(result.ok && result.alerts.length).toBe(2);
    expect(result.ok && result.alerts[1]).toMatchObject({
      kind: 'alert',
      observedAt: 1551393388000,
      title: '8.42.77.171 scanned at least 15 unique ports of host 207.154.238.205 in 0m0s',
      source: { ip: '8.42.77.171', country: 'US', lat: 40.1791, lon: -105.1986, geoSource: 'feed' },
      destination: { ip: '207.154.238.205', country: 'US', lat: 40.7214, lon: -74.0052 },
    });
  });

  it('reads a ThreatFox enrichment as an indicator with its TLP 1.0 marking', () => {
    const { alerts, failures } = parseSampleFile(THREATFOX, 'ecs');
    expect(failures).toEqual([]);
    expect(alerts).toEqual([
      expect.objectContaining({
        kind: 'indicator',
        title: 'wizzy.hopto.org',
        tlp: 'clear',
        severity: 'high',
        observedAt: Date.parse('2022-08-05T19:43:08.000Z'),
        source: { hostname: 'wizzy.hopto.org' },
        signature: 'indicator:wizzy.hopto.org',
      }),
    ]);
    expect(alerts[0]?.tags).toContain('malware:AsyncRAT');
  });
});

describe('ECS severity and malformed documents', () => {
  const alert = (extra: Record<string, unknown>) =>
    parseEcsRecord(
      JSON.stringify({
        '@timestamp': '2024-01-01T00:00:00Z',
        event: { kind: 'signal' },
        rule: { name: 'r' },
        ...extra,
      }),
    );
  const severity = (extra: Record<string, unknown>) => {
    const result = alert(extra);
    return result.ok ? result.alerts[0]?.severity : result.reason;
  };

  it('takes a severity word, else a risk score, else event.severity', () => {
    expect(severity({ kibana: { alert: { severity: 'critical', risk_score: 10 } } })).toBe(
      'critical',
    );
    expect(severity({ 'event.risk_score': 50 })).toBe('high');
    expect(severity({ 'event.risk_score': 21 })).toBe('low');
    expect(severity({ 'event.severity': 9 })).toBe('critical');
    expect(severity({ 'event.severity': 40 })).toBe('medium');
    expect(severity({})).toBe('medium');
  });

  it('refuses alerts without a name or time and with a bad address; rejects array members one by one', () => {
    expect(alert({ rule: {} })).toEqual({
      ok: false,
      reason: 'ECS alert has no rule.name, message, event.action or event.reason',
    });
    expect(alert({ '@timestamp': 'never' }).ok).toBe(false);
    expect(alert({ source: { ip: '999.1.1.1' } })).toEqual({
      ok: false,
      reason: 'ECS alert has an invalid source.ip "999.1.1.1"',
    });
    const mixed = parseEcsRecord('[1, {"event":{"kind":"metric"}}]');
    expect(mixed).toEqual({
      ok: true,
      alerts: [],
      ignored: { metric: 1 },
      rejected: [{ position: 'element 1', reason: 'ECS event is not a JSON object', raw: '1' }],
    });
  });
});
