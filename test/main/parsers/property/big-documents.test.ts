/**
 * Documents with very long lists: an array of many bad events, a MISP
 * event of many attributes or sightings, a CSAF branch of many versions.
 * Every bad part is counted, only the first ones are listed, and no list
 * is spread into a call (which overflowed the stack past ~120,000 items).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsafDocument } from '../../../../main/parsers/csaf';
import { parserFor } from '../../../../main/parsers/detect';
import { parseKevCatalog } from '../../../../main/parsers/kev';
import { parseMispDocument } from '../../../../main/parsers/misp';
import { MAX_LISTED_REJECTIONS } from '../../../../main/parsers/stix/objects';
import type { ParseResult } from '../../../../main/parsers/types';
import { expectDefinedOutcome } from './harness';

const MANY = 150_000;

/** A uuid numbered `n`. */
const uuid = (n: number) => `5a3c3045-ab0c-4d38-8efe-${n.toString(16).padStart(12, '0')}`;

/** Listed and counted rejections of a result that must be ok. */
function rejections(result: ParseResult): { listed: number; total: number } {
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  const listed = result.rejected?.length ?? 0;
  return { listed, total: listed + (result.rejectedMore ?? 0) };
}

/** A MISP event document with these attributes. */
function mispEvent(attributes: unknown[]): string {
  return JSON.stringify({
    Event: {
      uuid: uuid(0),
      info: 'many attributes',
      timestamp: '1513893957',
      Attribute: attributes,
    },
  });
}

describe.each(['wazuh', 'cowrie', 'zeek', 'abusech'] as const)('%s: a JSON array', (format) => {
  it('of n members that are no events lists at most the first 1000 and counts all', () => {
    fc.assert(
      fc.property(fc.nat({ max: 3 * MAX_LISTED_REJECTIONS }), (n) => {
        const text = `[${Array(n).fill('1').join(',')}]`;
        const { result } = expectDefinedOutcome(parserFor(format), text);
        expect(rejections(result)).toEqual({
          listed: Math.min(n, MAX_LISTED_REJECTIONS),
          total: n,
        });
      }),
      { numRuns: 20 },
    );
  });
});

describe('MISP', () => {
  it(`an event of ${MANY} malformed attributes is read, its rejections bounded (threw RangeError)`, () => {
    const attributes = Array.from({ length: MANY }, (_, n) => ({ uuid: uuid(n + 1) }));
    const result = parseMispDocument(mispEvent(attributes));
    expect(rejections(result)).toEqual({ listed: MAX_LISTED_REJECTIONS, total: MANY });
  });

  it(`an attribute with ${MANY} sightings gives an alert each (threw RangeError)`, () => {
    const sightings = Array.from({ length: MANY }, (_, n) => ({
      uuid: uuid(n + 1),
      date_sighting: String(1513893957 + n),
    }));
    const attribute = {
      uuid: uuid(MANY + 1),
      type: 'domain',
      value: 'movieultimate.com',
      category: 'Network activity',
      timestamp: '1513893957',
      Sighting: sightings,
    };
    const result = parseMispDocument(mispEvent([attribute]));
    expect(result.ok && result.alerts.length).toBe(MANY + 1);
  });
});

describe('CSAF', () => {
  it(`a product branch of ${MANY} versions is read (was refused as unreadable)`, () => {
    const versions = Array.from({ length: MANY }, (_, n) => ({
      category: 'product_version',
      name: `1.${n}`,
      product: { name: `Router 1.${n}`, product_id: `P${n}` },
    }));
    const document = {
      document: {
        category: 'csaf_security_advisory',
        csaf_version: '2.0',
        title: 'many versions',
        publisher: { category: 'vendor', name: 'Example', namespace: 'https://example.com' },
        tracking: {
          id: 'EX-1',
          status: 'final',
          version: '1',
          initial_release_date: '2024-01-01T00:00:00Z',
          current_release_date: '2024-01-01T00:00:00Z',
          revision_history: [{ date: '2024-01-01T00:00:00Z', number: '1', summary: 'x' }],
        },
      },
      product_tree: {
        branches: [{ category: 'vendor', name: 'Example', branches: versions }],
      },
      vulnerabilities: [{ cve: 'CVE-2024-0001' }],
    };
    const result = parseCsafDocument(JSON.stringify(document));
    expect(result.ok ? '' : result.reason).not.toMatch(/could not be read/);
  });
});

describe('KEV', () => {
  it('a JSON array is refused as JSON without a catalog (was read as CSV)', () => {
    expect(parseKevCatalog('[{"cveID":"CVE-2024-0001"}]')).toEqual({
      ok: false,
      reason: 'KEV catalog has no vulnerabilities array',
    });
  });
});
