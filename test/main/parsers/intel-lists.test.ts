import { describe, expect, it } from 'vitest';
import { abuseChParser } from '../../../main/parsers/abusech';
import { spamhausDropParser } from '../../../main/parsers/spamhaus-drop';
import { parseSampleFile, parseText } from './feed-file';
import { sampleFiles } from './samples';

describe('abuse.ch samples', () => {
  it('covers every abuse.ch sample', () => {
    expect(sampleFiles('abusech')).toHaveLength(5);
  });

  it('Feodo plain blocklist: one C2, dated by the banner', () => {
    const file = parseSampleFile('abusech/feodotracker_ipblocklist_2016.txt', 'abusech');
    expect(file.failures).toEqual([]);
    expect(file.ignored).toEqual({ comment: 8 });
    expect(file.alerts).toEqual([
      expect.objectContaining({
        kind: 'indicator',
        severity: 'high',
        category: 'c2',
        source: { ip: '103.232.215.133' },
        observedAt: Date.parse('2016-02-23T15:11:38Z'),
      }),
    ]);
  });

  it('Feodo CSV: two Dridex C2s with port, read by the quoted header', () => {
    const file = parseSampleFile('abusech/feodotracker_ipblocklist_2021.csv', 'abusech');
    expect(file.failures).toEqual([]);
    expect(file.ignored).toEqual({ comment: 9, header: 1 });
    expect(file.alerts.map((a) => [a.source, a.observedAt, a.title])).toEqual([
      [
        { ip: '10.213.75.205', port: 443 },
        Date.parse('2021-01-17T07:30:05Z'),
        'Feodo Tracker C2 (Dridex): 10.213.75.205',
      ],
      [
        { ip: '192.16.238.101', port: 443 },
        Date.parse('2021-01-17T07:44:46Z'),
        'Feodo Tracker C2 (Dridex): 192.16.238.101',
      ],
    ]);
  });

  it('ThreatFox NDJSON: ten IOCs, the IPv6 ip:port without brackets split at its last colon', () => {
    const file = parseSampleFile('abusech/threatfox_elastic-test-ndjson.slice.log', 'abusech');
    expect(file.failures).toEqual([]);
    expect(file.alerts).toHaveLength(10);
    expect(file.alerts[0]).toMatchObject({
      source: { ip: '2a02:cf40:1::5', port: 40669 },
      severity: 'high',
      category: 'c2',
      observedAt: Date.parse('2022-08-05T11:40:15Z'),
    });
    expect(file.alerts[1]?.source).toEqual({ hostname: 'malaikahlowry33.top' });
    expect(file.alerts.map((a) => a.severity).filter((s) => s === 'high')).toHaveLength(5);
    expect(file.alerts[4]?.tags).toContain('malware:Katana');
  });

  it('URLhaus JSON dump and TLD CSV: URLs placed by host, address and country', () => {
    const dump = parseSampleFile('abusech/urlhaus_elastic-test-abusechurl-dump.log', 'abusech');
    expect(dump.failures).toEqual([]);
    expect(dump.alerts.map((a) => a.source)).toEqual([
      { ip: '115.55.244.160', port: 41619 },
      { ip: '27.206.236.188', port: 59429 },
    ]);
    const csv = parseSampleFile('abusech/urlhaus_tld_ch_2019.csv', 'abusech');
    expect(csv.failures).toEqual([]);
    expect(csv.ignored).toEqual({ comment: 12 });
    expect(csv.alerts.map((a) => [a.title, a.source, a.tags[2]])).toEqual([
      [
        'URLhaus: http://marconuenlist.ch/verif.accounts.docs.net/',
        { hostname: 'marconuenlist.ch', ip: '62.241.37.242', country: 'DE' },
        'status:offline',
      ],
      [
        'URLhaus: http://cbd-planet.ch/sec.myacc.send.com/',
        { hostname: 'cbd-planet.ch', ip: '83.166.138.63', country: 'CH' },
        'status:online',
      ],
    ]);
  });

  it('gives stable, distinct ids', () => {
    for (const path of sampleFiles('abusech')) {
      const ids = () => parseSampleFile(path, 'abusech').alerts.map((a) => a.id);
      expect(ids(), path).toEqual(ids());
    }
  });

  it('refuses what it cannot read, with the reason', () => {
    expect(abuseChParser.parse('not an entry', 'line 1')).toMatchObject({ ok: false });
    expect(abuseChParser.parse('{"foo":1}', 'line 1')).toEqual({
      ok: false,
      reason: 'abuse.ch JSON record is neither a ThreatFox IOC nor a URLhaus entry',
    });
    const header = '"first_seen_utc","dst_ip","dst_port","c2_status","last_online","malware"';
    const rows = parseText(
      `${header}\n"2021-01-17 07:30:05","10.0.0.300","443","online","2021-02-10","Dridex"\n"x","1.2.3.4"`,
      'abusech',
    );
    expect(rows.failures).toEqual([
      'Feodo Tracker entry has an invalid address "10.0.0.300"',
      'abuse.ch CSV row has 2 fields, the header names 6',
    ]);
  });
});

describe('Spamhaus DROP', () => {
  it('covers every other-feeds sample', () => {
    expect(sampleFiles('other-feeds')).toEqual(['other-feeds/spamhaus_drop.txt']);
  });

  it('reads both networks, IPv6 included, dated by Last-Modified', () => {
    const file = parseSampleFile('other-feeds/spamhaus_drop.txt', 'spamhaus-drop');
    expect(file.failures).toEqual([]);
    expect(file.ignored).toEqual({ comment: 4 });
    expect(file.alerts.map((a) => [a.title, a.signature, a.observedAt])).toEqual([
      [
        'Spamhaus DROP: 1.4.0.0/17 (SBL256893)',
        'indicator:1.4.0.0/17',
        Date.parse('2015-09-14T04:39:22Z'),
      ],
      [
        'Spamhaus DROP: 2a06:e480::/29 (SBL301771)',
        'indicator:2a06:e480::/29',
        Date.parse('2015-09-14T04:39:22Z'),
      ],
    ]);
  });

  it('refuses a line that is no network', () => {
    expect(spamhausDropParser.parse('1.4.0.0/33 ; SBL1', 'line 1')).toEqual({
      ok: false,
      reason: 'DROP line is no CIDR network: "1.4.0.0/33 ; SBL1"',
    });
  });
});
