import { describe, expect, it } from 'vitest';
import { parseSyslogHeader, type SyslogHeader } from '../../../main/parsers/syslog-header';
import { readSample, sampleFiles } from './samples';

const NOW = Date.UTC(2024, 5, 1);
const FACILITIES =
  'kern user mail daemon auth syslog lpr news uucp cron authpriv ftp ntp audit alert clock local0 local1 local2 local3 local4 local5 local6 local7'.split(
    ' ',
  );
const SEVERITIES = 'emerg alert crit err warning notice info debug'.split(' ');
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

/** rsyslog's expected parse: PRI,facility,severity,timestamp,host,programname,tag,msg. */
function expectedParse(line: string): string[] {
  const columns = line.split(',');
  return [...columns.slice(0, 7), columns.slice(7).join(',')];
}

/** "Mmm dd hh:mm:ss" as rsyslog prints a timestamp: the sender's wall clock, no year. */
function wallClock(header: SyslogHeader): string {
  const text = header.timestampText ?? '';
  const iso = /^\d{4}-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})/.exec(text);
  if (iso) return `${MONTHS[Number(iso[1]) - 1]} ${iso[2]!.replace(/^0/, ' ')} ${iso[3]}`;
  const [month = '', day = '', time = ''] = text.split(/ +/);
  const name = month.charAt(0).toUpperCase() + month.slice(1).toLowerCase();
  return `${name} ${day.padStart(2, ' ')} ${time}`;
}

describe('parseSyslogHeader against rsyslog parser test cases', () => {
  const cases = sampleFiles('syslog').flatMap((path) => {
    const lines = readSample(path)
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
    const pairs: [string, string, string][] = [];
    for (let i = 0; i + 1 < lines.length; i += 2) pairs.push([path, lines[i]!, lines[i + 1]!]);
    return pairs;
  });

  it('finds every message of the 12 sample files', () => {
    expect(cases).toHaveLength(12);
  });

  it.each(cases)(
    '%s: priority, time, host, tag and message as rsyslog reads them',
    (_, raw, expected) => {
      const [pri, facility, severity, timestamp, host, program, tag, message] =
        expectedParse(expected);
      const result = parseSyslogHeader(raw, NOW);
      if (!result.ok) throw new Error(result.reason);
      const header = result.header;
      expect(header.facility * 8 + header.severity).toBe(Number(pri));
      expect(FACILITIES[header.facility]).toBe(facility);
      expect(SEVERITIES[header.severity]).toBe(severity);
      expect(wallClock(header)).toBe(timestamp);
      expect(header.hostname ?? '').toBe(host);
      if (header.protocol === 'rfc3164') {
        expect(header.appName ?? '').toBe(program);
      } else {
        expect(`${header.appName ?? ''}${header.procId ? `[${header.procId}]` : ''}`).toBe(tag);
      }
      // rsyslog keeps the space after a BSD tag; the message itself starts after it.
      expect(header.message.trim()).toBe(message!.trim());
    },
  );
});

describe('parseSyslogHeader', () => {
  it('reads RFC 5424 fields, nil values and structured data with escapes', () => {
    const result = parseSyslogHeader(
      '<165>1 2003-10-11T22:14:15.003Z host app - ID47 [a@1 x="q\\"]"][b@1 y="z"] \uFEFFhello',
      NOW,
    );
    expect(result).toEqual({
      ok: true,
      header: {
        protocol: 'rfc5424',
        facility: 20,
        severity: 5,
        timestampText: '2003-10-11T22:14:15.003Z',
        timestamp: Date.UTC(2003, 9, 11, 22, 14, 15, 3),
        hostname: 'host',
        appName: 'app',
        msgId: 'ID47',
        structuredData: '[a@1 x="q\\"]"][b@1 y="z"]',
        message: 'hello',
      },
    });
  });

  it('places a BSD date in the year that puts it before now', () => {
    const january = Date.UTC(2024, 0, 2);
    const header = (text: string) => {
      const result = parseSyslogHeader(text, january);
      return result.ok ? result.header : undefined;
    };
    expect(header('<13>Dec 31 23:59:59 h t: x')?.timestamp).toBe(
      Date.UTC(2023, 11, 31, 23, 59, 59),
    );
    expect(header('<13>Jan  1 00:00:01 h t: x')?.timestamp).toBe(Date.UTC(2024, 0, 1, 0, 0, 1));
  });

  it('takes a CEF or LEEF payload right after the time for the message, not a host or tag', () => {
    const bare = parseSyslogHeader('<13>Jan  1 00:00:01 CEF:0|a|b|c|d|e|5|src=1.2.3.4', NOW);
    expect(bare.ok && bare.header).toMatchObject({ message: 'CEF:0|a|b|c|d|e|5|src=1.2.3.4' });
    expect(bare.ok && 'hostname' in bare.header).toBe(false);
    const tagged = parseSyslogHeader('<13>Jan  1 00:00:01 fw root: CEF:0|a|b', NOW);
    expect(tagged.ok && tagged.header).toMatchObject({
      hostname: 'fw',
      appName: 'root',
      message: 'CEF:0|a|b',
    });
  });

  it.each([
    ['no PRI', 'hello', /does not start with <PRI>/],
    ['PRI out of range', '<192>1 - - - - - -', /PRI 192 is over 191/],
    ['cut short', '<13>1 2003-10-11T22:14:15Z host', /cut short/],
    ['bad time', '<13>1 2003-13-11T22:14:15Z h a p m - x', /timestamp .* is invalid/],
    ['open structured data', '<13>1 - h a p m [x@1 a="b"', /unterminated/],
  ])('refuses %s with a reason', (_, text, reason) => {
    const result = parseSyslogHeader(text, NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('reads a tag without its colon before a CEF or LEEF payload, as rsyslog forwards it', () => {
    const parsed = parseSyslogHeader('<13>Dec  4 07:38:51 vm lagebild-cef CEF:0|a|b|1|2|x|5|', 0);
    expect(parsed).toMatchObject({
      ok: true,
      header: { hostname: 'vm', appName: 'lagebild-cef', message: 'CEF:0|a|b|1|2|x|5|' },
    });
    // Anywhere else a word without a colon is the message's.
    const plain = parseSyslogHeader('<13>Dec  4 07:38:51 vm hello world', 0);
    expect(plain).toMatchObject({ ok: true, header: { message: 'hello world' } });
    expect(plain.ok && plain.header.appName).toBeUndefined();
  });
});
