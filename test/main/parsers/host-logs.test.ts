import { describe, expect, it } from 'vitest';
import { parseCowrieRecord } from '../../../main/parsers/cowrie';
import { parseWazuhRecord, severityOfLevel } from '../../../main/parsers/wazuh';
import { parseSampleFile } from './feed-file';
import { readSampleJson, sampleFiles } from './samples';

describe('Wazuh', () => {
  const path = 'wazuh/wazuh-indexer_wazuh-event.sample.json';

  it('covers every Wazuh sample', () => {
    expect(sampleFiles('wazuh')).toEqual([path]);
  });

  it('reads the indexer hit (pretty-printed, read whole) into one alert', () => {
    const { alerts, failures } = parseSampleFile(path, 'wazuh');
    expect(failures).toEqual([]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      kind: 'alert',
      title: 'Shellshock attack attempt',
      severity: 'low',
      category: 'attack',
      observedAt: Date.parse('2024-02-08T14:35:14.334Z'),
      signature: 'wazuh:31166',
      // The redacted srcip is no address: kept as a tag, the feed's geo kept as placed.
      source: { lat: 52.3534, lon: 4.9087, geoSource: 'feed' },
      destination: { hostname: 'redacted.com' },
    });
    expect(alerts[0]?.tags).toEqual(
      expect.arrayContaining(['mitre:T1190', 'CVE-2014-6271', 'unreadable-srcip:000.111.222.10']),
    );
  });

  it('reads the same alert as an alerts.json line, with the same id', () => {
    const hit = readSampleJson(path) as { _source: Record<string, unknown> };
    const line = parseWazuhRecord(JSON.stringify(hit._source));
    const whole = parseSampleFile(path, 'wazuh').alerts[0];
    expect(line.ok && line.alerts[0]?.id).toBe(whole?.id);
  });

  it('maps rule levels onto the five severities', () => {
    const levels = [0, 3, 4, 6, 7, 11, 12, 14, 15].map(severityOfLevel);
    expect(levels).toEqual([
      'info',
      'info',
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
    ]);
  });

  it('refuses alerts without a rule, level or time, with the reason', () => {
    const base = {
      timestamp: '2024-02-08T11:35:14.334-0300',
      rule: { level: 6, description: 'x' },
    };
    expect(parseWazuhRecord('{"timestamp":"2024-02-08T11:35:14Z"}')).toEqual({
      ok: false,
      reason: 'Wazuh alert has no rule',
    });
    expect(
      parseWazuhRecord(JSON.stringify({ ...base, rule: { level: 16, description: 'x' } })),
    ).toEqual({
      ok: false,
      reason: 'Wazuh alert has an invalid rule.level 16',
    });
    expect(parseWazuhRecord(JSON.stringify({ ...base, timestamp: 'yesterday' })).ok).toBe(false);
    expect(parseWazuhRecord(JSON.stringify(base)).ok).toBe(true);
  });
});

describe('cowrie', () => {
  const path = 'cowrie/kareiva_cowrie.json.slice';

  it('covers every cowrie sample', () => {
    expect(sampleFiles('cowrie')).toEqual([path]);
  });

  it('makes alerts of the three login attempts and counts the session events by id', () => {
    const { alerts, ignored, failures } = parseSampleFile(path, 'cowrie');
    expect(failures).toEqual([]);
    expect(ignored).toEqual({
      'cowrie.session.connect': 3,
      'cowrie.client.version': 2,
      'cowrie.session.closed': 3,
      'cowrie.direct-tcpip.request': 2,
      'cowrie.direct-tcpip.data': 2,
    });
    expect(alerts.map((a) => [a.title, a.severity, a.source?.ip])).toEqual([
      ['Honeypot login failed: "netflow"', 'low', '85.7.217.203'],
      ['Honeypot login succeeded: "root"', 'medium', '109.236.91.85'],
      ['Honeypot login failed: "openerp"', 'low', '103.58.111.39'],
    ]);
    expect(alerts[1]).toMatchObject({
      category: 'brute force',
      signature: 'cowrie.login.success',
      observedAt: Date.parse('2018-06-27T00:11:41.411Z'),
      tags: ['honeypot', 'cowrie.login.success', 'sensor:920497a79896', 'session:c4954af076e5'],
    });
    expect(new Set(alerts.map((a) => a.id)).size).toBe(3);
  });

  it('makes alerts of commands and downloads', () => {
    const common = { timestamp: '2018-06-27T00:11:41Z', src_ip: '198.51.100.7', session: 's1' };
    const command = parseCowrieRecord(
      JSON.stringify({ ...common, eventid: 'cowrie.command.input', input: 'uname -a' }),
    );
    const download = parseCowrieRecord(
      JSON.stringify({
        ...common,
        eventid: 'cowrie.session.file_download',
        url: 'http://203.0.113.5/x.sh',
        shasum: 'ab12',
      }),
    );
    expect(command.ok && command.alerts[0]).toMatchObject({
      title: 'Honeypot command: uname -a',
      severity: 'medium',
    });
    expect(download.ok && download.alerts[0]).toMatchObject({
      title: 'Honeypot download: http://203.0.113.5/x.sh',
      severity: 'high',
      category: 'malware',
    });
  });

  it('refuses events without an id, time or valid address', () => {
    expect(parseCowrieRecord('{"src_ip":"1.2.3.4"}')).toEqual({
      ok: false,
      reason: 'cowrie event has no eventid',
    });
    const bad = parseCowrieRecord(
      '{"eventid":"cowrie.login.failed","timestamp":"2018-06-27T00:11:41Z","src_ip":"1.2.3"}',
    );
    expect(bad).toEqual({ ok: false, reason: 'cowrie event has an invalid src_ip "1.2.3"' });
  });
});
