import { describe, expect, it } from 'vitest';
import { parseLeefRecord } from '../../../main/parsers/leef';
import { ParseResultSchema, alertsOf, readSample } from './samples';

const NOW = Date.UTC(2024, 5, 1);

describe('parseLeefRecord', () => {
  it('reads the Tenzir LEEF:2.0-over-syslog sample, literal \\t separators included', () => {
    const lines = readSample('leef/tenzir_leef-over-syslog.log').trimEnd().split('\n');
    const results = lines.map((line) => parseLeefRecord(line, NOW));
    for (const result of results) expect(ParseResultSchema.parse(result)).toBeTruthy();
    const [mitigation, zscaler] = results.flatMap(alertsOf);
    expect(mitigation).toMatchObject({
      title: 'Microsoft-Windows-Security-Mitigations: 10',
      severity: 'medium',
      // devTime has no zone: read as UTC, like every zoneless time.
      observedAt: Date.UTC(2019, 10, 21, 13, 44, 35),
      signature: 'leef:Microsoft:Microsoft-Windows-Security-Mitigations:10',
    });
    expect(zscaler).toMatchObject({
      title: 'NSS: ALLOW',
      category: 'firewall',
      severity: 'info',
      // No devTime: the syslog header's time.
      observedAt: Date.UTC(2019, 10, 21, 13, 44, 37),
      source: { ip: '203.0.113.10' },
      destination: { ip: '198.51.100.20' },
    });
  });

  it('reads LEEF:1.0 with tabs', () => {
    const record =
      'LEEF:1.0|Acme|Gate|1.2|Deny|src=10.0.0.1\tsrcPort=5555\tdst=8.8.8.8\tdstPort=53\tsev=8\tproto=17\tcat=dns';
    const [alert] = alertsOf(parseLeefRecord(record, NOW));
    expect(alert).toMatchObject({
      severity: 'high',
      category: 'dns',
      source: { ip: '10.0.0.1', port: 5555 },
      destination: { ip: '8.8.8.8', port: 53 },
    });
    expect(alert!.tags).toContain('udp');
  });

  it.each([
    ['a character', '^'],
    ['hex with x', 'x5E'],
    ['hex with 0x', '0x5e'],
  ])('reads a LEEF:2.0 delimiter given as %s', (_, spec) => {
    const record = `LEEF:2.0|Lancope|StealthWatch|1.0|41|${spec}|src=10.0.1.8^dst=10.0.0.5^sev=10^devTime=Jan 21 2024 10:00:00`;
    const [alert] = alertsOf(parseLeefRecord(record, NOW));
    expect(alert).toMatchObject({
      severity: 'critical',
      source: { ip: '10.0.1.8' },
      destination: { ip: '10.0.0.5' },
      observedAt: Date.UTC(2024, 0, 21, 10),
    });
  });

  it.each([
    ['sev 1', '1', 'low'],
    ['sev 5', '5', 'medium'],
    ['sev 7', '7', 'high'],
    ['sev 9', '9', 'critical'],
    ['a word', 'bad', 'info'],
  ])('maps %s', (_, sev, severity) => {
    const [alert] = alertsOf(parseLeefRecord(`LEEF:1.0|a|b|1|e|sev=${sev}`, NOW));
    expect(alert!.severity).toBe(severity);
  });

  it.each([
    ['a short header', 'LEEF:1.0|a|b|c', /LEEF header has 3 of 5 fields/],
    ['an unknown version', 'LEEF:3.0|a|b|c|d|src=1.2.3.4', /unsupported LEEF version/],
    ['a bad address', 'LEEF:1.0|a|b|c|d|dst=::g', /invalid dst/],
    ['a CEF record', 'CEF:0|a|b|c|d|e|5|', /record is CEF, not LEEF/],
  ])('refuses %s with a reason', (_, record, reason) => {
    const result = parseLeefRecord(record, NOW);
    expect(ParseResultSchema.parse(result)).toBeTruthy();
    expect(!result.ok && result.reason).toMatch(reason);
  });
});
