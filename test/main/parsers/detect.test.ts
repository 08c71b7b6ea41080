import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, parserFor } from '../../../main/parsers/detect';
import { FORMATS } from '../../../main/parsers/types';
import { SAMPLES_DIR, sampleFiles } from './samples';

/** The first 4 KiB of a sample, as the file connector reads it for detection. */
const headOf = (path: string) =>
  readFileSync(join(SAMPLES_DIR, path)).subarray(0, 4096).toString('utf8');

describe('detectFormat', () => {
  it('detects every EVE sample as eve', () => {
    for (const path of sampleFiles('suricata-eve'))
      expect(detectFormat(path, headOf(path)), path).toBe('eve');
  });

  it('detects every STIX sample, 2.0 bundles included, as stix21', () => {
    for (const path of [...sampleFiles('stix21'), ...sampleFiles('stix20-mitre')]) {
      expect(detectFormat(path, headOf(path)), path).toBe('stix21');
    }
  });

  it('claims none of the other JSON and log samples', () => {
    const others = sampleFiles().filter(
      (path) =>
        !/^(suricata-eve|stix2[01]|stix20-mitre|taxii21|cef|leef|zeek|wazuh|cowrie|ecs|abusech|kev|csaf|misp\/events|other-feeds)\//.test(
          path,
        ),
    );
    expect(others.length).toBeGreaterThan(20);
    for (const path of others) expect(detectFormat(path, headOf(path)), path).toBeUndefined();
  });

  it('detects the sensor, honeypot, intel and advisory samples by their own keys and banners', () => {
    const byDir: Record<string, string> = {
      zeek: 'zeek',
      wazuh: 'wazuh',
      cowrie: 'cowrie',
      ecs: 'ecs',
      abusech: 'abusech',
      kev: 'kev',
      csaf: 'csaf',
      'other-feeds': 'spamhaus-drop',
    };
    for (const [dir, format] of Object.entries(byDir)) {
      for (const path of sampleFiles(dir))
        expect(detectFormat(path, headOf(path)), path).toBe(format);
    }
  });

  it('detects an EVE line cut off by the head, by its event_type or its file name', () => {
    const cut =
      '{"timestamp":"2016-07-13T22:42:07.573103+0000","event_type":"alert","payload":"SFRU';
    expect(detectFormat('capture.log', cut)).toBe('eve');
    expect(detectFormat('/var/log/suricata/eve.json', '{"timestamp":"2016-07-13T22:42')).toBe(
      'eve',
    );
    expect(detectFormat('/tmp/sensor1.eve', '{"timestamp":"2016-07-13T22:42')).toBe('eve');
    expect(detectFormat('/tmp/other.json', '{"timestamp":"2016-07-13T22:42')).toBeUndefined();
  });

  it('reads past a byte order mark and leading blank lines', () => {
    expect(detectFormat('x.json', '\uFEFF\n\n{"event_type":"dns"}\n')).toBe('eve');
    expect(detectFormat('x.json', '\uFEFF  {\n  "type": "bundle",\n')).toBe('stix21');
  });

  it('detects CEF and LEEF lines, bare or in syslog messages, by their payload', () => {
    for (const path of sampleFiles('cef'))
      expect(detectFormat(path, headOf(path)), path).toBe('cef');
    for (const path of sampleFiles('leef')) {
      expect(detectFormat(path, headOf(path)), path).toBe('leef');
    }
    const cef = 'CEF:0|Acme|IDS|1|100|Scan|5|src=10.0.0.1';
    expect(detectFormat('fw.log', `<134>Oct 11 22:14:15 fw01 ids: ${cef}\n`)).toBe('cef');
    expect(detectFormat('fw.log', 'LEEF:1.0|Acme|Gate|1|Deny|src=10.0.0.1\n')).toBe('leef');
    // A syslog file of other messages, or prose that mentions CEF, is neither.
    expect(detectFormat('messages', '<13>Oct 11 22:14:15 h su: CEF is fine\n')).toBeUndefined();
    expect(detectFormat('notes.txt', `see ${cef}\n`)).toBeUndefined();
  });

  it('knows nothing of empty or plain-text heads', () => {
    expect(detectFormat('eve.json', '')).toBeUndefined();
    expect(detectFormat('eve.json', 'CEF:0|x')).toBeUndefined();
  });
});

describe('parserFor', () => {
  it('gives each format its parser', () => {
    for (const format of FORMATS) expect(parserFor(format).format).toBe(format);
    expect(parserFor('eve').framing).toBe('lines');
    expect(parserFor('stix21').framing).toBe('document');
    for (const format of ['cef', 'leef', 'syslog'] as const) {
      expect(parserFor(format).framing).toBe('lines');
    }
  });

  it('throws for a format the type system does not know', () => {
    expect(() => parserFor('csv' as never)).toThrow(/unexpected format: csv/);
  });
});
