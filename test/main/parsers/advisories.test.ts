import { describe, expect, it } from 'vitest';
import { parseCsafDocument } from '../../../main/parsers/csaf';
import { parseKevCatalog } from '../../../main/parsers/kev';
import { parseSampleFile } from './feed-file';
import { sampleFiles } from './samples';

describe('CISA KEV', () => {
  const json = 'kev/known_exploited_vulnerabilities.trimmed.json';
  const csv = 'kev/known_exploited_vulnerabilities.trimmed.csv';

  it('covers every KEV sample', () => {
    expect(sampleFiles('kev')).toEqual([csv, json]);
  });

  it('reads all 80 entries of the JSON and the CSV catalog into the same advisories', () => {
    const fromJson = parseSampleFile(json, 'kev');
    const fromCsv = parseSampleFile(csv, 'kev');
    expect(fromJson.failures).toEqual([]);
    expect(fromCsv.failures).toEqual([]);
    expect(fromJson.alerts).toHaveLength(80);
    const strip = (alerts: typeof fromJson.alerts) => alerts.map(({ raw: _raw, ...rest }) => rest);
    expect(strip(fromCsv.alerts)).toEqual(strip(fromJson.alerts));
    expect(fromJson.alerts.filter((a) => a.severity === 'critical')).toHaveLength(6);
    expect(fromJson.alerts[0]).toMatchObject({
      kind: 'advisory',
      title: 'CVE-2025-48384: Git Link Following Vulnerability',
      signature: 'CVE-2025-48384',
      observedAt: Date.parse('2025-08-25T00:00:00Z'),
      severity: 'high',
      tags: [
        'CVE-2025-48384',
        'cisa-kev',
        'vendor:Git',
        'product:Git Git',
        'due:2025-09-15',
        'CWE-59',
        'CWE-436',
      ],
    });
    expect(new Set(fromJson.alerts.map((a) => a.id)).size).toBe(80);
  });

  it('rejects a bad entry on its own and refuses what is no catalog', () => {
    const result = parseKevCatalog(
      JSON.stringify({
        vulnerabilities: [
          { cveID: 'CVE-1', dateAdded: '2025-01-01' },
          { cveID: 'CVE-2025-0001', dateAdded: '2025-01-01' },
        ],
      }),
    );
    expect(result.ok && result.alerts).toHaveLength(1);
    expect(result.ok && result.rejected?.[0]?.reason).toBe(
      'KEV entry has an invalid cveID "CVE-1"',
    );
    expect(parseKevCatalog('{"vulnerabilities":{}}')).toEqual({
      ok: false,
      reason: 'KEV catalog has no vulnerabilities array',
    });
    expect(parseKevCatalog('a,b\n1,2')).toEqual({
      ok: false,
      reason: 'KEV CSV has no header naming cveID',
    });
  });
});

describe('CSAF', () => {
  const EXPECTED: Record<string, [severity: string, tlp: string | undefined, cves: string[]]> = {
    '2022-evd-uc-01-a-001.json': ['medium', undefined, ['CVE-2021-44228']],
    'bsi-2022-0001.json': ['medium', 'clear', ['CVE-2022-27193']],
    'cisco-sa-20180328-smi2.json': ['critical', undefined, ['CVE-2018-0171']],
    'rhsa-2021_5217.json': ['high', 'clear', ['CVE-2021-4133']],
    'rhsa-2022_0011.json': ['high', 'clear', ['CVE-2020-10188']],
    'sec-vex-2022-0001.json': [
      'info',
      'clear',
      ['CVE-2021-44228', 'CVE-2021-45046', 'CVE-2021-45105'],
    ],
  };
  const DISTRIBUTION: Record<string, string> = {
    'example-01-aggregator.json': 'csaf aggregator',
    'example-01-feed-tlp-white.json': 'rolie feed',
    'example-01-provider-metadata.json': 'csaf provider metadata',
  };

  it('covers every CSAF sample', () => {
    expect(
      sampleFiles('csaf')
        .map((p) => p.split('/')[1])
        .sort(),
    ).toEqual([...Object.keys(EXPECTED), ...Object.keys(DISTRIBUTION)].sort());
  });

  for (const [name, [severity, tlp, cves]] of Object.entries(EXPECTED)) {
    it(`${name}: one advisory, ${severity}, TLP ${tlp ?? 'unmarked'}`, () => {
      const { alerts, failures } = parseSampleFile(`csaf/${name}`, 'csaf');
      expect(failures).toEqual([]);
      expect(alerts).toHaveLength(1);
      const advisory = alerts[0]!;
      expect(advisory).toMatchObject({ kind: 'advisory', severity });
      expect(advisory.tlp).toBe(tlp);
      expect(advisory.tags.slice(0, cves.length)).toEqual(cves);
      expect(advisory.tags.some((tag) => tag.startsWith('product:'))).toBe(true);
    });
  }

  it('names products and the release of the Cisco advisory', () => {
    const advisory = parseSampleFile('csaf/cisco-sa-20180328-smi2.json', 'csaf').alerts[0]!;
    expect(advisory).toMatchObject({
      title: 'Cisco IOS and IOS XE Software Smart Install Remote Code Execution Vulnerability',
      signature: 'csaf:cisco-sa-20180328-smi2',
      observedAt: Date.parse('2018-04-17T15:08:41Z'),
    });
    expect(advisory.tags).toContain('product:Cisco IOS 12.2SE 12.2(55)SE');
    expect(advisory.tags.length).toBeLessThanOrEqual(80);
  });

  for (const [name, kind] of Object.entries(DISTRIBUTION)) {
    it(`${name}: counted as ${kind}`, () => {
      expect(parseSampleFile(`csaf/${name}`, 'csaf')).toEqual({
        alerts: [],
        ignored: { [kind]: 1 },
        failures: [],
      });
    });
  }

  it('refuses documents without tracking id, title or release date', () => {
    const document = {
      title: 't',
      tracking: { id: 'X-1', current_release_date: '2022-01-01T00:00:00Z' },
    };
    expect(parseCsafDocument(JSON.stringify({ document })).ok).toBe(true);
    expect(parseCsafDocument(JSON.stringify({ document: { ...document, tracking: {} } }))).toEqual({
      ok: false,
      reason: 'CSAF document has no document.tracking.id',
    });
    expect(parseCsafDocument('{"other":1}')).toEqual({
      ok: false,
      reason: 'not a CSAF document: no document object',
    });
  });
});
