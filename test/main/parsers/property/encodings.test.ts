/**
 * Files that are not plain UTF-8, through the real file import: a UTF-8
 * byte order mark, UTF-16 with a byte order mark, invalid UTF-8 and NUL
 * bytes. Each has one defined outcome, named in the test.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineReader } from '../../../../main/connectors/line-reader';
import { FORMATS, type Format } from '../../../../main/parsers/types';
import { SAMPLES_DIR } from '../samples';
import { sampleRecords } from './harness';
import { importContent, type Imported } from './import-harness';

const BOM = '\uFEFF';

/** The first sample file of a format that gives alerts when imported as that format. */
const firstSample = (format: Format) => {
  const file = sampleRecords(format)[0]?.file;
  if (!file) throw new Error(`no sample of ${format}`);
  return {
    name: file.split('/').pop() ?? file,
    text: readFileSync(join(SAMPLES_DIR, file), 'utf8'),
  };
};

/** What an import gave, without the timing. */
const outcome = ({ format, titles, quarantine, total }: Imported) => ({
  format,
  titles,
  quarantine,
  total,
});

/** The text as UTF-16 with its byte order mark, little- or big-endian. */
function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const bytes = Buffer.from(`${BOM}${text}`, 'utf16le');
  return endian === 'le' ? bytes : bytes.swap16();
}

const eveAlert = (title: string) =>
  JSON.stringify({
    timestamp: '2024-01-01T00:00:00Z',
    event_type: 'alert',
    src_ip: '198.51.100.1',
    dest_ip: '203.0.113.9',
    alert: { signature: title, severity: 1 },
  });
const cefAlert = (title: string) => `CEF:0|V|P|1|100|${title}|5|src=198.51.100.1`;

describe.each(FORMATS)('%s: a UTF-8 byte order mark', (format) => {
  it('is ignored: the sample imports as it does without one', async () => {
    const { name, text } = firstSample(format);
    const plain = await importContent(name, text, format);
    const marked = await importContent(name, BOM + text, format);
    expect(outcome(marked)).toEqual(outcome(plain));
    expect(plain.total.records).toBeGreaterThan(0);
  });
});

describe.each(['le', 'be'] as const)('UTF-16 %s with a byte order mark', (endian) => {
  it.each(['eve', 'cef', 'zeek', 'stix21', 'misp'] as const)(
    '%s: decoded, detected and imported as its UTF-8 twin, CRLF breaks included',
    async (format) => {
      const { name, text } = firstSample(format);
      const plain = await importContent(name, text);
      const wide = await importContent(name, utf16(text.replace(/\n/g, '\r\n'), endian));
      expect(outcome(wide)).toEqual(outcome(plain));
      expect(plain.format).toBe(format);
    },
  );

  it('an unpaired surrogate becomes U+FFFD; the lines around it are read', async () => {
    // Written raw, not through JSON.stringify, which would escape it.
    const lone = eveAlert('LONE').replace('LONE', '\uD800 lone');
    const text = [eveAlert('first'), lone, eveAlert('last'), ''].join('\n');
    const imported = await importContent('eve.json', utf16(text, endian));
    expect(imported.titles).toEqual(['first', '\uFFFD lone', 'last']);
  });
});

describe('UTF-16 line cutting', () => {
  // Units whose bytes hold 0x0a or 0x0d off a unit boundary (U+0A00, U+0D0A), a pair, and plain text.
  const unit = fc.constantFrom('a', 'é', '\u0a00', '\u0a0a', '\u0100', '\u0d0a', '\u2028', '😀');
  const lines = fc.array(fc.string({ unit, maxLength: 12 }), { minLength: 1, maxLength: 8 });

  /** Every line of the file read from `offset`, as text, with its resume offset. */
  function readLines(path: string, offset: number): { text: string; end: number }[] {
    const fd = openSync(path, 'r');
    try {
      const reader = new LineReader(fd, offset);
      const read: { text: string; end: number }[] = [];
      for (let line = reader.next(true); line; line = reader.next(true)) {
        read.push({ text: line.bytes.toString('utf8'), end: line.end });
      }
      return read;
    } finally {
      closeSync(fd);
    }
  }

  it('gives the lines of its UTF-8 twin, cut only on whole units, and resumes at each end', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagebild-utf16-'));
    const [wide, narrow] = [join(dir, 'utf16.log'), join(dir, 'utf8.log')];
    try {
      fc.assert(
        fc.property(lines, fc.constantFrom('le', 'be'), fc.boolean(), (texts, endian, crlf) => {
          const text = texts.join(crlf ? '\r\n' : '\n');
          writeFileSync(wide, utf16(text, endian as 'le' | 'be'));
          writeFileSync(narrow, text);
          const expected = readLines(narrow, 0).map((line) => line.text);
          const read = readLines(wide, 0);
          expect(read.map((line) => line.text)).toEqual(expected);
          const [first] = read;
          if (first) {
            expect(readLines(wide, first.end).map((line) => line.text)).toEqual(expected.slice(1));
          }
        }),
        { numRuns: 100 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('invalid UTF-8', () => {
  // Bytes no UTF-8 text holds: a lone continuation, a cut sequence, an overlong form, a surrogate.
  const invalid = fc.constantFrom(
    [0x80],
    [0xc3],
    [0xe2, 0x82],
    [0xc0, 0xaf],
    [0xed, 0xa0, 0x80],
    [0xff],
    [0xf5, 0x80, 0x80, 0x80],
  );

  it('quarantines only its line as "invalid UTF-8"; the lines around it are read', async () => {
    await fc.assert(
      fc.asyncProperty(invalid, fc.nat({ max: 40 }), async (bad, at) => {
        const middle = Buffer.from(eveAlert('middle'));
        const spoiled = Buffer.concat([
          middle.subarray(0, at),
          Buffer.from(bad),
          middle.subarray(at),
        ]);
        const content = Buffer.concat([
          Buffer.from(`${eveAlert('first')}\n`),
          spoiled,
          Buffer.from(`\n${eveAlert('last')}\n`),
        ]);
        const imported = await importContent('eve.json', content);
        expect(imported.titles).toEqual(['first', 'last']);
        expect(imported.quarantine).toEqual(['2: invalid UTF-8']);
      }),
      { numRuns: 15 },
    );
  });

  it('quarantines a whole document as "invalid UTF-8"', async () => {
    const { text } = firstSample('stix21');
    const content = Buffer.concat([Buffer.from(text), Buffer.from([0xff])]);
    const imported = await importContent('bundle.json', content, 'stix21');
    expect(imported.titles).toEqual([]);
    expect(imported.quarantine).toEqual(['file: invalid UTF-8']);
  });
});

describe('NUL bytes', () => {
  it('a raw NUL inside a JSON line makes it invalid JSON: that line alone is quarantined', async () => {
    const raw = eveAlert('NUL').replace('NUL', '\u0000');
    const content = [eveAlert('first'), raw, eveAlert('last'), ''].join('\n');
    const imported = await importContent('eve.json', content);
    expect(imported.titles).toEqual(['first', 'last']);
    expect(imported.quarantine).toEqual([
      expect.stringMatching(/^2: eve: invalid JSON: Bad control character/),
    ]);
  });

  it('an escaped \\u0000 in a JSON string is data and kept', async () => {
    // JSON.stringify writes the NUL as the escape \u0000.
    const imported = await importContent('eve.json', `${eveAlert('a\u0000b')}\n`);
    expect(imported.titles).toEqual(['a\u0000b']);
  });

  it('a NUL inside a CEF field is data and kept', async () => {
    const imported = await importContent(
      'cef.log',
      `${cefAlert('a\u0000b')}\n${cefAlert('next')}\n`,
    );
    expect(imported.titles).toEqual(['a\u0000b', 'next']);
  });

  it('a run of NULs (a log preallocated or cut by a crash) is quarantined; the next line is read', async () => {
    const content = `${cefAlert('first')}\n${'\u0000'.repeat(4096)}\n${cefAlert('last')}\n`;
    const imported = await importContent('cef.log', content);
    expect(imported.titles).toEqual(['first', 'last']);
    expect(imported.quarantine).toEqual([
      expect.stringMatching(/^2: cef: payload is neither CEF nor LEEF \(it starts "\\u0000/),
    ]);
  });
});
