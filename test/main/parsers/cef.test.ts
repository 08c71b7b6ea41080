import { describe, expect, it } from 'vitest';
import { cefSeverity, parseCefRecord } from '../../../main/parsers/cef';
import { parseCefExtension } from '../../../main/parsers/cef-extension';
import { ParseResultSchema, alertsOf, readSample } from './samples';

const NOW = Date.UTC(2024, 5, 1);
const lines = (path: string) =>
  readSample(path)
    .split('\n')
    .filter((line) => line.trim() !== '');

describe('parseCefRecord on the Elastic Beats samples', () => {
  it('reads every line of cef.log into one alert with its endpoints', () => {
    const results = lines('cef/elastic-beats_cef.log').map((line) => parseCefRecord(line, NOW));
    for (const result of results) expect(ParseResultSchema.parse(result)).toBeTruthy();
    const alerts = results.flatMap(alertsOf);
    expect(alerts).toHaveLength(4);
    expect(alerts[0]).toMatchObject({
      title: 'Web request',
      severity: 'low',
      signature: 'cef:Elastic:Vaporware:18',
      source: { ip: '1.128.3.4', port: 33876 },
      destination: { ip: '192.168.10.1', port: 443 },
      // No rt and no syslog header: the time of parsing stands in.
      observedAt: NOW,
    });
    expect(alerts[0]!.tags).toContain('tcp');
    expect(alerts[1]).toMatchObject({ destination: { ip: '81.2.69.143', port: 443 } });
    expect(alerts[2]!.source).toBeUndefined();
    // The trailing spaces of the last line belong to no value.
    expect(alerts[3]).toMatchObject({
      source: { ip: '192.168.3.4' },
      destination: { ip: '192.168.1.2' },
    });
    expect(new Set(alerts.map((alert) => alert.id)).size).toBe(4);
  });

  it('reads Check Point records: epoch-ms rt, escaped =, IPv6 in labelled c6a2/c6a3', () => {
    const alerts = lines('cef/elastic-beats_checkpoint.log').flatMap((line) =>
      alertsOf(parseCefRecord(line, NOW)),
    );
    expect(alerts).toHaveLength(3);
    expect(alerts[0]).toMatchObject({
      observedAt: 1543270652000,
      severity: 'info',
      source: { ip: '192.168.101.100', port: 49363 },
      destination: { ip: '52.173.84.157', port: 443 },
      signature: 'cef:Check Point:VPN-1 & FireWall-1:Log',
    });
    expect(alerts[0]!.tags).toEqual(
      expect.arrayContaining(['Accept', 'tcp', 'Matched Category:Business / Economy']),
    );
    expect(alerts[1]!.observedAt).toBe(1545211330000);
    expect(alerts[2]).toMatchObject({ source: { ip: 'fd00::555' }, destination: { ip: '::1' } });
  });

  it('reads the same record in a syslog message, timed and identified by its header', () => {
    const payload = lines('cef/elastic-beats_cef.log')[0]!;
    const message = `<134>1 2024-05-31T10:00:00.5Z fw01 arcsight - - - ${payload}`;
    const [alert] = alertsOf(parseCefRecord(message, NOW));
    expect(alert).toMatchObject({ observedAt: Date.UTC(2024, 4, 31, 10, 0, 0, 500), raw: message });
    const later = message.replace('10:00:00.5Z', '10:00:01Z');
    expect(alertsOf(parseCefRecord(later, NOW))[0]!.id).not.toBe(alert!.id);
    expect(alertsOf(parseCefRecord(message, NOW + 1000))[0]!.id).toBe(alert!.id);
  });
});

describe('CEF details', () => {
  it('reads escaped pipes in the header and escapes in extension values', () => {
    const record = String.raw`CEF:1|Acme\|Corp|IDS\\X|2|100|Port\|scan|Very-High|msg=a\=b c\\d\nnext request=https://x.test/?q=1 cs1Label=Rule Name cs1=Block all`;
    const [alert] = alertsOf(parseCefRecord(record, NOW));
    expect(alert).toMatchObject({
      title: 'Port|scan',
      severity: 'critical',
      signature: 'cef:Acme|Corp:IDS\\X:100',
    });
    expect(alert!.tags).toContain('Rule Name:Block all');
    const fields = parseCefExtension(String.raw`msg=a\=b c\\d\nnext request=https://x.test/?q=1`);
    expect(Object.fromEntries(fields)).toEqual({
      msg: 'a=b c\\d\nnext',
      request: 'https://x.test/?q=1',
    });
  });

  it.each([
    ['0', 'info'],
    ['3', 'low'],
    ['4', 'medium'],
    ['6', 'medium'],
    ['7', 'high'],
    ['8', 'high'],
    ['9', 'critical'],
    ['10', 'critical'],
    ['Low', 'low'],
    ['medium', 'medium'],
    ['HIGH', 'high'],
    ['Very-High', 'critical'],
    ['Unknown', 'info'],
    ['11', 'info'],
  ])('maps severity %s to %s', (text, severity) => {
    expect(cefSeverity(text)).toBe(severity);
  });

  it.each([
    ['a short header', 'CEF:0|Acme|IDS|1|100|Scan', /CEF header has 5 of 7 fields/],
    ['an unknown version', 'CEF:7|a|b|c|d|e|5|', /unsupported CEF version/],
    ['a bad address', 'CEF:0|a|b|c|d|e|5|src=999.1.1.1', /invalid src "999\.1\.1\.1"/],
    ['a LEEF record', 'LEEF:1.0|a|b|c|d|src=1.2.3.4', /record is LEEF, not CEF/],
    ['plain syslog', '<13>Jan  1 00:00:00 h su: failed', /neither CEF nor LEEF/],
  ])('refuses %s with a reason', (_, record, reason) => {
    const result = parseCefRecord(record, NOW);
    expect(ParseResultSchema.parse(result)).toBeTruthy();
    expect(!result.ok && result.reason).toMatch(reason);
  });
});
