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
      (path) => !/^(suricata-eve|stix2[01]|stix20-mitre|taxii21)\//.test(path),
    );
    expect(others.length).toBeGreaterThan(50);
    for (const path of others) expect(detectFormat(path, headOf(path)), path).toBeUndefined();
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
  });

  it('throws for a format the type system does not know', () => {
    expect(() => parserFor('csv' as never)).toThrow(/unexpected format: csv/);
  });
});
