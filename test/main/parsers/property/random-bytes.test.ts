/**
 * Random input through every parser, as a live feed and as an import read
 * it: arbitrary text, arbitrary bytes decoded as the connectors decode
 * them, and arbitrary JSON. Whatever comes in ends as alerts that pass the
 * schema or as a quarantine entry with a reason, within the time bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRecord } from '../../../../main/connectors/decode';
import { FORMATS } from '../../../../main/parsers/types';
import { expectDefinedOutcome, expectTrace, parsersFor } from './harness';

// Texts that start like each family of formats, so random tails reach past the first check.
const PREFIXES = [
  '',
  '{',
  '[',
  'CEF:0|',
  'LEEF:2.0|',
  '<34>1 2003-10-11T22:14:15.003Z host app - - - CEF:0|',
  '<13>Oct 11 22:14:15 host tag: LEEF:1.0|',
  '#separator \\x09\n#fields\tts\tnote\n',
  '"id","dateadded","url"\n',
  '; Spamhaus DROP List\n',
];

const anyText = fc.tuple(
  fc.constantFrom(...PREFIXES),
  fc.string({ unit: 'binary', maxLength: 300 }),
);

describe.each(FORMATS)('%s: random input', (format) => {
  it('arbitrary text after a format-like start ends defined', () => {
    fc.assert(
      fc.property(anyText, ([prefix, tail]) => {
        const text = prefix + tail;
        for (const parser of parsersFor(format, text)) {
          expectTrace(expectDefinedOutcome(parser, text), text);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('arbitrary bytes, decoded as a connector decodes them, end defined', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const record = decodeRecord(Buffer.from(bytes), 'line 1');
        // Bytes that are not UTF-8 never reach a parser: the connector quarantines them.
        if ('error' in record) {
          expect(record.error).toBe('invalid UTF-8');
          return;
        }
        for (const parser of parsersFor(format, record.text)) {
          expectTrace(expectDefinedOutcome(parser, record.text), record.text);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('arbitrary JSON ends defined', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = JSON.stringify(value);
        for (const parser of parsersFor(format, text)) {
          expectTrace(expectDefinedOutcome(parser, text), text);
        }
      }),
      { numRuns: 100 },
    );
  });
});
