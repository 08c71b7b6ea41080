import { describe, expect, it } from 'vitest';
import { alertId } from '../../../main/parsers/alert-id';
import { eveParser, parseEveRecord } from '../../../main/parsers/eve';
import type { ParsedAlert } from '../../../main/parsers/types';
import { alertsOf, readSample, sampleFiles } from './samples';

/** Every non-empty line of a sample through the parser, totalled. */
function parseEveFile(path: string) {
  const alerts: ParsedAlert[] = [];
  const ignored: Record<string, number> = {};
  const failures: string[] = [];
  for (const line of readSample(path).split('\n')) {
    if (line.trim() === '') continue;
    const result = parseEveRecord(line);
    if (!result.ok) {
      failures.push(result.reason);
      continue;
    }
    alerts.push(...result.alerts);
    for (const [type, count] of Object.entries(result.ignored ?? {})) {
      ignored[type] = (ignored[type] ?? 0) + count;
    }
  }
  return { alerts, ignored, failures };
}

const alertLine = (overrides: Record<string, unknown> = {}, alert: Record<string, unknown> = {}) =>
  JSON.stringify({
    timestamp: '2024-05-28T09:39:37.034492+0000',
    event_type: 'alert',
    src_ip: '198.51.100.7',
    src_port: 51000,
    dest_ip: '203.0.113.9',
    dest_port: 22,
    proto: 'TCP',
    alert: {
      gid: 1,
      signature_id: 2001219,
      rev: 20,
      signature: 'ET SCAN SSH',
      severity: 2,
      ...alert,
    },
    ...overrides,
  });

const EXPECTED: Record<string, { alerts: number; ignored: Record<string, number> }> = {
  'elastic-beats_eve-small.log': {
    alerts: 1,
    ignored: { ssh: 1, http: 1, fileinfo: 1, dns: 1, stats: 1, tls: 1, flow: 1 },
  },
  'suricata-verify_alert-testmyids_expected_eve.json': { alerts: 1, ignored: {} },
  'suricata-verify_dns-tcp-www-google-com_expected_eve.json': {
    alerts: 0,
    ignored: { dns: 13, flow: 1 },
  },
  'suricata-verify_eve-dns_expected_eve.json': { alerts: 0, ignored: { dns: 9 } },
  'suricata-verify_output-eve-fileinfo_expected_eve.json': { alerts: 0, ignored: { fileinfo: 1 } },
  'suricata-verify_tests_detect-ldap-operation_eve.json': {
    alerts: 4,
    ignored: { ldap: 1, flow: 1, stats: 1 },
  },
  'suricata-verify_tests_engine-state_detect-engine-state-03_output_eve.json': {
    alerts: 0,
    ignored: { http: 1, flow: 1, stats: 1 },
  },
  'suricata-verify_tls-json-output-ips_expected_eve.json': { alerts: 0, ignored: { tls: 1 } },
};

describe('EVE samples', () => {
  it('covers every EVE sample', () => {
    expect(sampleFiles('suricata-eve').map((path) => path.split('/').pop())).toEqual(
      Object.keys(EXPECTED).sort(),
    );
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: ${expected.alerts} alert(s), the rest ignored by type`, () => {
      const parsed = parseEveFile(`suricata-eve/${name}`);
      expect(parsed.failures).toEqual([]);
      expect(parsed.alerts).toHaveLength(expected.alerts);
      expect(parsed.ignored).toEqual(expected.ignored);
    });
  }

  it('maps the testmyids alert', () => {
    const line = readSample('suricata-eve/suricata-verify_alert-testmyids_expected_eve.json');
    const [alert] = alertsOf(parseEveRecord(line));
    expect(alert).toMatchObject({
      id: alertId('suricata-eve', line.trim()),
      kind: 'alert',
      title: 'GPL ATTACK_RESPONSE id check returned root',
      severity: 'medium',
      category: 'suspicious',
      signature: 'suricata:1:2100498:7',
      source: { ip: '82.165.177.154', port: 80 },
      destination: { ip: '10.16.1.11', port: 54186 },
      observedAt: Date.parse('2016-07-13T22:42:07.573Z'),
      sectors: [],
      tags: ['tcp', 'allowed'],
      raw: line.trim(),
    });
    expect(alert?.tlp).toBeUndefined();
  });

  it('puts the HTTP host on the server side, here the source of a response', () => {
    const line = readSample('suricata-eve/suricata-verify_alert-testmyids_expected_eve.json');
    const [alert] = alertsOf(parseEveRecord(line));
    expect(alert?.source?.hostname).toBe('www.testmyids.com');
    expect(alert?.destination?.hostname).toBeUndefined();
  });

  it('converts the -0400 offset of the Elastic sample and maps its policy alert', () => {
    const { alerts } = parseEveFile('suricata-eve/elastic-beats_eve-small.log');
    expect(alerts[0]).toMatchObject({
      observedAt: Date.parse('2018-07-05T19:07:20.910Z'),
      severity: 'high',
      category: 'policy',
      destination: { ip: '192.168.156.70', port: 443, hostname: 'l2.io' },
      tags: ['tcp', 'tls', 'allowed'],
    });
  });

  it('reads the empty category of the LDAP sample as uncategorized', () => {
    const { alerts } = parseEveFile(
      'suricata-eve/suricata-verify_tests_detect-ldap-operation_eve.json',
    );
    expect(alerts.map((alert) => [alert.category, alert.severity])).toEqual(
      Array(4).fill(['uncategorized', 'low']),
    );
  });

  it('refuses every nasty JSON sample as an EVE record, with a reason', () => {
    for (const path of sampleFiles('nasty-json')) {
      const result = parseEveRecord(readSample(path));
      expect(result.ok, path).toBe(false);
      if (!result.ok) expect(result.reason, path).not.toBe('');
    }
  });
});

describe('parseEveRecord', () => {
  it('is the parser of format eve, framed in lines', () => {
    expect(eveParser).toMatchObject({ format: 'eve', framing: 'lines' });
  });

  it('maps Suricata priority to severity', () => {
    const severity = (priority: unknown) =>
      alertsOf(parseEveRecord(alertLine({}, { severity: priority })))[0]?.severity;
    expect([1, 2, 3, 4, 255, undefined, 'x'].map(severity)).toEqual([
      'high',
      'medium',
      'low',
      'info',
      'info',
      'info',
      'info',
    ]);
  });

  it('folds categories into the common set', () => {
    const category = (text: string) =>
      alertsOf(parseEveRecord(alertLine({}, { category: text })))[0]?.category;
    expect(category('A Network Trojan was detected')).toBe('malware');
    expect(category('Attempted Administrator Privilege Gain')).toBe('exploit');
    expect(category('Potentially Bad Traffic')).toBe('suspicious');
    expect(category('Detection of a Network Scan')).toBe('scan');
    expect(category('Web Application Attack')).toBe('web-attack');
    expect(category('Malware Command and Control Activity Detected')).toBe('c2');
    expect(category('Local brute force rule')).toBe('brute-force');
    expect(category('Misc activity')).toBe('misc-activity');
    expect(category('  ')).toBe('uncategorized');
  });

  it('canonicalizes IPv6 addresses', () => {
    const line = alertLine({
      src_ip: 'fe80:0000:0000:0000:fada:0cff:fedc:87f1',
      dest_ip: 'ff02:0000:0000:0000:0000:0000:0001:0002',
    });
    const [alert] = alertsOf(parseEveRecord(line));
    expect(alert?.source?.ip).toBe('fe80::fada:cff:fedc:87f1');
    expect(alert?.destination?.ip).toBe('ff02::1:2');
  });

  it('names the signature by gid:sid:rev, or by its message without a sid', () => {
    expect(alertsOf(parseEveRecord(alertLine()))[0]?.signature).toBe('suricata:1:2001219:20');
    const noSid = alertLine({}, { signature_id: undefined });
    expect(alertsOf(parseEveRecord(noSid))[0]?.signature).toBe('suricata:msg:ET SCAN SSH');
  });

  it('tags metadata, bounded to 20 tags of at most 200 chars', () => {
    const metadata = {
      signature_severity: ['Major'],
      long: ['x'.repeat(500)],
      many: Array.from({ length: 40 }, (_, i) => `v${i}`),
    };
    const [alert] = alertsOf(parseEveRecord(alertLine({}, { metadata, action: 'blocked' })));
    expect(alert?.tags.slice(0, 4)).toEqual([
      'tcp',
      'blocked',
      'signature_severity:Major',
      expect.any(String),
    ]);
    expect(alert?.tags).toHaveLength(20);
    expect(Math.max(...(alert?.tags ?? []).map((tag) => tag.length))).toBe(200);
  });

  it('tags the query of a DNS alert rather than naming the resolver after it', () => {
    const line = alertLine({ dns: { query: [{ rrname: 'evil.example', rrtype: 'A' }] } });
    const [alert] = alertsOf(parseEveRecord(line));
    expect(alert?.tags).toContain('dns:evil.example');
    expect(alert?.destination?.hostname).toBeUndefined();
  });

  it('derives the id from the trimmed line and keeps it as raw', () => {
    const line = alertLine();
    const [padded] = alertsOf(parseEveRecord(`  ${line}\r`));
    expect(padded?.id).toBe(alertId('suricata-eve', line));
    expect(padded?.raw).toBe(line);
  });

  it('counts other event types, even hostile names, as own properties', () => {
    const result = parseEveRecord('{"event_type":"__proto__"}');
    expect(result.ok && Object.hasOwn(result.ignored ?? {}, '__proto__')).toBe(true);
  });

  it('refuses malformed records with a specific reason', () => {
    const cases: [string, RegExp][] = [
      ['[1,2]', /not a JSON object/],
      ['{"timestamp":"2020-01-01T00:00:00Z"}', /no event_type/],
      ['{"event_type":7}', /no event_type/],
      ['{"event_type":"alert","timestamp":"2020-01-01T00:00:00Z"}', /no alert object/],
      [alertLine({}, { signature: '' }), /no alert.signature/],
      [alertLine({}, { signature: 42 }), /no alert.signature/],
      [alertLine({ timestamp: 'yesterday' }), /invalid timestamp "yesterday"/],
      [alertLine({ timestamp: undefined }), /invalid timestamp null/],
      [alertLine({ src_ip: '300.1.1.1' }), /invalid src_ip "300.1.1.1"/],
      [alertLine({ dest_ip: 'fe80::g' }), /invalid dest_ip/],
      [alertLine({ dest_ip: 12 }), /invalid dest_ip 12/],
      ['{"event_type":"alert",', /^invalid JSON: /],
    ];
    for (const [line, reason] of cases) {
      const result = parseEveRecord(line);
      expect(result.ok, line).toBe(false);
      if (!result.ok) expect(result.reason, line).toMatch(reason);
    }
  });
});
