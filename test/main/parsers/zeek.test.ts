import { describe, expect, it } from 'vitest';
import { parseZeekRecord, zeekParser } from '../../../main/parsers/zeek';
import { defaultHeader } from '../../../main/parsers/zeek/tsv';
import { parseSampleFile, parseText } from './feed-file';
import { readSample, sampleFiles } from './samples';

describe('Zeek samples', () => {
  it('covers every Zeek sample', () => {
    expect(sampleFiles('zeek')).toHaveLength(4);
  });

  it('notice.log as JSON: two notices, scan and password guessing', () => {
    const { alerts, failures } = parseSampleFile('zeek/elastic-beats_notice-json.log', 'zeek');
    expect(failures).toEqual([]);
    expect(alerts.map((a) => [a.signature, a.category, a.severity])).toEqual([
      ['zeek:SSH::Password_Guessing', 'brute force', 'medium'],
      ['zeek:Scan::Port_Scan', 'scan', 'medium'],
    ]);
    expect(alerts[1]).toMatchObject({
      kind: 'alert',
      observedAt: 1551393388426,
      source: { ip: '216.160.83.57' },
      destination: { ip: '207.154.238.205' },
      title: '216.160.83.57 scanned at least 15 unique ports of host 207.154.238.205 in 0m0s',
    });
    expect(alerts[0]?.destination).toBeUndefined();
  });

  it('notice.log as TSV: the header lines are counted, the one notice read by its #fields', () => {
    const { alerts, ignored, failures } = parseSampleFile('zeek/zeek-btest_notice.log', 'zeek');
    expect(failures).toEqual([]);
    expect(ignored).toEqual({ header: 9 });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      title: 'test',
      signature: 'zeek:Test_Notice',
      observedAt: 1342748963685,
      tags: ['Test_Notice', 'Notice::ACTION_LOG', 'bro'],
    });
    expect(alerts[0]?.source).toBeUndefined();
  });

  it('intel.log as JSON: a sighting whose matching responder is the source', () => {
    const { alerts, failures } = parseSampleFile('zeek/elastic-beats_intel-json.log', 'zeek');
    expect(failures).toEqual([]);
    expect(alerts).toEqual([
      expect.objectContaining({
        kind: 'sighting',
        title: 'Intel match: 198.41.0.4',
        signature: 'zeek-intel:198.41.0.4',
        source: { ip: '198.41.0.4', port: 53 },
        destination: { ip: '192.168.1.1', port: 37598 },
        tags: ['Intel::ADDR', 'Conn::IN_RESP', 'source:ETPRO Rep: AbusedTLD Score: 127'],
      }),
    ]);
  });

  it('intel.log as TSV: an e-mail and an address indicator, unset fields left out', () => {
    const { alerts, ignored, failures } = parseSampleFile('zeek/zeek-btest_intel.log', 'zeek');
    expect(failures).toEqual([]);
    expect(ignored).toEqual({ header: 9 });
    expect(alerts.map((a) => [a.title, a.source])).toEqual([
      ['Intel match: e@mail.com', undefined],
      ['Intel match: 1.2.3.4', { ip: '1.2.3.4' }],
    ]);
  });

  it('gives the same ids on a second read', () => {
    for (const path of sampleFiles('zeek')) {
      const ids = () => parseSampleFile(path, 'zeek').alerts.map((a) => a.id);
      expect(ids()).toEqual(ids());
      expect(new Set(ids()).size).toBe(ids().length);
    }
  });
});

describe('Zeek malformed records', () => {
  const notice = readSample('zeek/zeek-btest_notice.log').split('\n');
  const header = notice.filter((line) => line.startsWith('#') && !line.startsWith('#close'));
  const row = notice.find((line) => line.startsWith('1342'))!;

  it('refuses a TSV row with no header before it, and one with a field missing', () => {
    const bare = zeekParser.parse(row, 'line 1');
    expect(bare).toEqual({ ok: false, reason: 'Zeek TSV row before any #fields header' });
    const cut = parseText([...header, row.split('\t').slice(1).join('\t')].join('\n'), 'zeek');
    expect(cut.failures).toEqual(['Zeek TSV row has 23 fields, the header names 24']);
  });

  it('refuses bad times and addresses, and unknown header lines, with the reason', () => {
    const state = defaultHeader();
    expect(parseZeekRecord('{"ts":"soon","note":"X::Y"}', state)).toEqual({
      ok: false,
      reason: 'Zeek notice has an invalid ts "soon"',
    });
    expect(parseZeekRecord('{"ts":1,"note":"X::Y","src":"1.2.3"}', state)).toEqual({
      ok: false,
      reason: 'Zeek notice has an invalid src "1.2.3"',
    });
    expect(parseZeekRecord('#bogus\tx', state).ok).toBe(false);
    expect(parseZeekRecord('{"ts":1,"uid":"C1","_path":"conn"}', state)).toEqual({
      ok: true,
      alerts: [],
      ignored: { conn: 1 },
    });
  });
});
