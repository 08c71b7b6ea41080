/**
 * JSON built to break a parser: 100,000 levels of nesting, on its own or
 * inside a real record, and lines of several megabytes. Each has one
 * defined outcome: quarantine with a reason that says what was wrong, the
 * records around it still read, and no stack overflow.
 */
import { describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES } from '../../../../main/connectors/line-reader';
import { MAX_JSON_DEPTH } from '../../../../main/parsers/json-record';
import { FORMATS, type Format } from '../../../../main/parsers/types';
import { expectDefinedOutcome, parsersFor, sampleRecords } from './harness';
import { importContent } from './import-harness';

const LEVELS = 100_000;
const DEEP = {
  arrays: `${'['.repeat(LEVELS)}${']'.repeat(LEVELS)}`,
  objects: `${'{"a":'.repeat(LEVELS)}1${'}'.repeat(LEVELS)}`,
};
const TOO_DEEP = new RegExp(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);

// Every format whose records are JSON (abuse.ch and Zeek take JSON lines too).
const JSON_FORMATS: Format[] = [
  'eve',
  'stix21',
  'zeek',
  'wazuh',
  'cowrie',
  'ecs',
  'abusech',
  'kev',
  'csaf',
  'misp',
];

/** A real JSON record of `format` with its first member replaced by `deep`. */
function deepInsideSample(format: Format, deep: string): string {
  const sample = sampleRecords(format).find((record) => /^\s*[{[]/.test(record.text));
  if (!sample) throw new Error(`no JSON sample of ${format}`);
  // The first `":` is the first key's separator in every sample (no key holds one).
  return sample.text.replace(/":\s*/, `":${deep},"was":`);
}

describe.each(JSON_FORMATS)('%s: 100,000 levels of nesting', (format) => {
  it.each(Object.entries(DEEP))('%s alone: quarantined as nested too deep', (_, deep) => {
    for (const parser of parsersFor(format, deep)) {
      const { result, alerts } = expectDefinedOutcome(parser, deep);
      expect(alerts).toEqual([]);
      expect(result.ok ? '' : result.reason).toMatch(TOO_DEEP);
    }
  });

  it.each(Object.entries(DEEP))(
    '%s inside a real record: quarantined as nested too deep',
    (_, deep) => {
      const text = deepInsideSample(format, deep);
      for (const parser of parsersFor(format, text)) {
        const { result } = expectDefinedOutcome(parser, text);
        expect(result.ok ? '' : result.reason).toMatch(TOO_DEEP);
      }
    },
  );
});

describe.each(['cef', 'leef', 'syslog', 'spamhaus-drop'] as const)(
  '%s: 100,000 levels of nesting',
  (format) => {
    it.each(Object.entries(DEEP))('%s: not this format, quarantined with a reason', (_, deep) => {
      for (const parser of parsersFor(format, deep)) {
        const { result, alerts } = expectDefinedOutcome(parser, deep);
        expect(alerts).toEqual([]);
        expect(result.ok).toBe(false);
      }
    });
  },
);

describe('deep documents through file import', () => {
  it.each(['stix21', 'misp'] as const)(
    'a %s file of 100,000 levels is quarantined whole with the reason',
    async (format) => {
      for (const deep of Object.values(DEEP)) {
        const imported = await importContent('deep.json', deep, format);
        expect(imported.titles).toEqual([]);
        expect(imported.quarantine).toEqual([expect.stringMatching(TOO_DEEP)]);
      }
    },
  );

  it('a bundle whose objects nest 100,000 levels is detected as STIX and quarantined', async () => {
    const bundle = `{"type":"bundle","id":"bundle--1","objects":[${DEEP.objects}]}`;
    const imported = await importContent('bundle.json', bundle);
    expect(imported.format).toBe('stix21');
    expect(imported.quarantine).toEqual([
      expect.stringMatching(/^file: stix21: JSON nested deeper/),
    ]);
  });

  it('a deep line between two EVE alerts costs only itself', async () => {
    const [before, after] = eveAlerts();
    const imported = await importContent('eve.json', [before, DEEP.arrays, after, ''].join('\n'));
    expect(imported.titles).toEqual(['first', 'last']);
    expect(imported.quarantine).toEqual([expect.stringMatching(/^2: eve: JSON nested deeper/)]);
  });
});

/** Two EVE alerts from the samples, titled "first" and "last". */
function eveAlerts(): [string, string] {
  const sample = sampleRecords('eve').find((record) =>
    record.text.includes('"event_type":"alert"'),
  );
  if (!sample) throw new Error('no EVE alert sample');
  const titled = (title: string) =>
    sample.text.replace(/"signature":"[^"]*"/, `"signature":"${title}"`);
  return [titled('first'), titled('last')];
}

describe('huge lines through file import', () => {
  const overLimit = MAX_LINE_BYTES + 1024;

  it('an 8 MB one-line JSON event is quarantined as too long; the next line is read', async () => {
    const [before, after] = eveAlerts();
    const huge = `{"event_type":"alert","pad":"${'a'.repeat(overLimit)}"}`;
    const imported = await importContent('eve.json', [before, huge, after].join('\n'));
    expect(imported.titles).toEqual(['first', 'last']);
    expect(imported.quarantine).toEqual(['2: record too long: cut at the line limit']);
  });

  it('8 MB of garbage without a line break is quarantined as too long; the next line is read', async () => {
    const [before, after] = eveAlerts();
    const garbage = Buffer.alloc(overLimit, 'x\u0001\u00ff');
    const content = Buffer.concat([
      Buffer.from(`${before}\n`),
      garbage,
      Buffer.from(`\n${after}\n`),
    ]);
    const imported = await importContent('eve.json', content);
    expect(imported.titles).toEqual(['first', 'last']);
    expect(imported.quarantine).toEqual(['2: record too long: cut at the line limit']);
  });

  it('a 5 MB JSON line under the line limit is refused by the record limit', async () => {
    const [before, after] = eveAlerts();
    const big = `{"event_type":"alert","pad":"${'a'.repeat(5 << 20)}"}`;
    const imported = await importContent('eve.json', [before, big, after].join('\n'));
    expect(imported.titles).toEqual(['first', 'last']);
    expect(imported.quarantine).toEqual(['2: eve: record too large: over 4 MiB']);
  });
});

describe.each(FORMATS)('%s: a 256 KB record', (format) => {
  // Long enough to expose work worse than linear, short of every size limit. Not
  // longer: MISP spends ~10-20 µs in zod per malformed event, linear but slow, and
  // a megabyte of `{},` is 350,000 of them.
  const filler = (unit: string) => unit.repeat(Math.ceil((1 << 18) / unit.length));
  const records = [
    filler('x'),
    `CEF:0|V|P|1|1|N|5|${filler('k=v ')}`,
    `LEEF:2.0|V|P|1|1|${filler('k=v\t')}`,
    `<13>Oct 11 22:14:15 host tag: CEF:0|V|P|1|1|N|5|msg=${filler('\\=\\|')}`,
    `{"event_type":"alert","alert":{"signature":"${filler('\\"')}"}}`,
    `[${filler('{},')}{}]`,
  ];

  it('ends defined within the time bound', () => {
    for (const record of records) {
      for (const parser of parsersFor(format, record)) expectDefinedOutcome(parser, record);
    }
  });
});
