import { describe, expect, it } from 'vitest';
import { parserFor } from '../../../main/parsers/detect';
import { parseEveRecord } from '../../../main/parsers/eve';
import { parseStixDocument } from '../../../main/parsers/stix21';
import type { ParseResult } from '../../../main/parsers/types';
import { ParseResultSchema, readSample, sampleFiles } from './samples';

const FEED_FORMATS = [
  'zeek',
  'wazuh',
  'cowrie',
  'ecs',
  'abusech',
  'spamhaus-drop',
  'kev',
  'csaf',
] as const;

// Every parser, line formats as a tail starts them (no header) and as a file opens them.
const PARSERS = [
  ['eve', parseEveRecord],
  ['stix21', parseStixDocument],
  ...FEED_FORMATS.map(
    (format) => [format, (text: string) => parserFor(format).parse(text, 'x')] as const,
  ),
  ...FEED_FORMATS.map(
    (format) =>
      [
        `${format} opened`,
        (text: string) => {
          const parser = parserFor(format);
          return (parser.openStream?.(text.slice(0, 4096)) ?? parser).parse(text, 'x');
        },
      ] as const,
  ),
] as const;

/** Parses `text` with both parsers: neither may throw, both must answer in shape. */
function expectWellFormed(text: string, where: string): ParseResult[] {
  return PARSERS.map(([name, parse]) => {
    let result: ParseResult | undefined;
    expect(() => (result = parse(text)), `${name} ${where}`).not.toThrow();
    const checked = ParseResultSchema.safeParse(result);
    expect(checked.success, `${name} ${where}: ${checked.error?.message ?? ''}`).toBe(true);
    return result as ParseResult;
  });
}

describe('every sample, through both parsers', () => {
  const files = sampleFiles();

  it('finds the samples', () => {
    expect(files.length).toBeGreaterThanOrEqual(95);
  });

  it.each(files)('%s: as a document and line by line', (path) => {
    const text = readSample(path);
    expectWellFormed(text, 'whole file');
    text.split('\n').forEach((line, index) => expectWellFormed(line, `line ${index + 1}`));
  });

  it.each(files)('%s: cut short anywhere', (path) => {
    const text = readSample(path);
    for (let cut = 1; cut < 8; cut += 1) {
      expectWellFormed(text.slice(0, Math.floor((text.length * cut) / 8)), `cut ${cut}/8`);
    }
  });
});

describe('hostile input, through both parsers', () => {
  const hostile: [string, string][] = [
    ['deep arrays', '['.repeat(100_000)],
    ['deep objects', '{"a":'.repeat(100_000)],
    ['over 4 MiB', `{"event_type":"alert","x":"${'a'.repeat(4 * 1024 * 1024)}"}`],
    ['lone surrogates', '{"event_type":"alert","alert":{"signature":"\\ud800"},"timestamp":0}'],
    [
      'prototype keys',
      '{"__proto__":{"event_type":"alert"},"constructor":1,"type":"__proto__","id":"__proto__--1"}',
    ],
    ['wrong types', '{"event_type":"alert","alert":[],"src_ip":{},"timestamp":[]}'],
    [
      'STIX with wrong types everywhere',
      JSON.stringify({
        type: 'bundle',
        objects: [
          {
            type: 'indicator',
            id: 'indicator--1',
            valid_from: '2020-01-01T00:00:00Z',
            pattern: 7,
            name: [],
            confidence: '90',
            indicator_types: 'x',
            labels: [1, null],
            object_marking_refs: 'x',
            granular_markings: [null],
          },
          {
            type: 'sighting',
            id: 'sighting--1',
            created: '2020-01-01T00:00:00Z',
            sighting_of_ref: {},
            observed_data_refs: [1, 'observed-data--1'],
            where_sighted_refs: 'x',
            count: 'many',
            extensions: [],
          },
          {
            type: 'observed-data',
            id: 'observed-data--1',
            created: '2020-01-01T00:00:00Z',
            objects: [],
            object_refs: {},
          },
          {
            type: 'observed-data',
            id: 'observed-data--2',
            created: '2020-01-01T00:00:00Z',
            objects: { '0': { type: 'network-traffic', src_ref: '0', dst_ref: 'constructor' } },
          },
          {
            type: 'relationship',
            id: 'relationship--1',
            source_ref: 'indicator--1',
            target_ref: 'indicator--1',
            relationship_type: 'targets',
          },
          { type: 'identity', id: 'identity--1', sectors: 'defense' },
          { type: 'location', id: 'location--1', country: 'constructor', latitude: 1e9 },
        ],
      }),
    ],
    [
      'huge pattern',
      JSON.stringify({
        type: 'indicator',
        id: 'indicator--1',
        created: '2020-01-01T00:00:00Z',
        pattern: `'=${"'".repeat(500_000)}`,
      }),
    ],
  ];

  it.each(hostile)('%s', (name, text) => {
    const started = performance.now();
    expectWellFormed(text, name);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('the result schema the robustness checks rely on', () => {
  const alert = {
    id: 'A8UykebLZDyhuUzPhZ_O_Q',
    kind: 'alert',
    observedAt: 0,
    severity: 'low',
    title: 't',
    category: 'c',
    sectors: [],
    tags: [],
    raw: '{}',
  };

  it('accepts a minimal alert and refuses one with a stray or invalid property', () => {
    expect(ParseResultSchema.safeParse({ ok: true, alerts: [alert] }).success).toBe(true);
    for (const bad of [
      { ...alert, extra: 1 },
      { ...alert, sectors: ['banking'] },
      { ...alert, tlp: 'white' },
    ]) {
      expect(ParseResultSchema.safeParse({ ok: true, alerts: [bad] }).success).toBe(false);
    }
    expect(ParseResultSchema.safeParse({ ok: false, reason: '' }).success).toBe(false);
  });
});
