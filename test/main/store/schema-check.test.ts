import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { AlertSchema, type Alert } from '../../../shared/model';
import { compileSchemaCheck, type SchemaCheck } from '../../../main/store/schema-check';

function checkOf<T>(schema: z.ZodType<T>): SchemaCheck<T> {
  const result = compileSchemaCheck(schema);
  if (!('check' in result)) throw new Error(`not compiled: ${result.unsupported}`);
  return result.check;
}

const VALID: Alert = {
  id: 'eve-0123456789abcdef',
  feed: 'sensor-1',
  kind: 'alert',
  observedAt: 1_717_000_000_000,
  receivedAt: 1_717_000_000_500,
  severity: 'high',
  title: 'ET SCAN Suspicious inbound to MSSQL port 1433',
  category: 'scan',
  source: { ip: '198.51.100.7', port: 51234, addressClass: 'documentation' },
  destination: { ip: '10.16.0.5', port: 1433, site: 'HQ', lat: 50.11, lon: 8.68 },
  sectors: ['financial-services'],
  tlp: 'amber',
  tags: ['suricata'],
  signature: '2010935',
};

// Values next to VALID that probe each kind of rule the compiler reads.
const VARIANTS: [what: string, value: unknown][] = [
  ['valid', VALID],
  ['without optional endpoints', { ...VALID, source: undefined, destination: undefined }],
  ['a key zod would strip', { ...VALID, extra: 1 }],
  ['a missing required key', { ...VALID, title: undefined }],
  ['a kind outside the enum', { ...VALID, kind: 'rumour' }],
  ['a float where an integer belongs', { ...VALID, observedAt: 1.5 }],
  ['NaN', { ...VALID, receivedAt: Number.NaN }],
  ['an unsafe integer', { ...VALID, observedAt: 2 ** 60 }],
  ['a string over its maximum', { ...VALID, title: 'x'.repeat(501) }],
  ['a string under its minimum', { ...VALID, id: 'short' }],
  ['too many tags', { ...VALID, tags: Array.from({ length: 101 }, (_, i) => `t${i}`) }],
  ['an unknown sector', { ...VALID, sectors: ['pirates'] }],
  // eslint-disable-next-line no-sparse-arrays -- a hole is what this probes
  ['a sparse array', { ...VALID, tags: [, 'a'] }],
  ['an array for an object', { ...VALID, source: [] }],
  ['null for an object', { ...VALID, destination: null }],
  ['a port as text', { ...VALID, source: { ip: '198.51.100.7', port: '80' } }],
  ['an unknown endpoint key', { ...VALID, source: { ip: '198.51.100.7', vlan: 3 } }],
  ['not an object at all', 'alert'],
];

describe('compiled schema check', () => {
  const check = checkOf(AlertSchema);

  it('passes a valid alert and refuses what the schema refuses', () => {
    expect(check(VALID)).toBe(true);
    expect(check({ ...VALID, kind: 'rumour' })).toBe(false);
    expect(check({ ...VALID, title: 'x'.repeat(501) })).toBe(false);
    expect(check({ ...VALID, tags: [1] })).toBe(false);
  });

  it.each(VARIANTS)('is never more lenient than zod: %s', (_what, value) => {
    if (!check(value)) return;
    // Whatever it passes, zod accepts as it is, stripping nothing.
    const parsed = AlertSchema.safeParse(value);
    expect(parsed.success).toBe(true);
    const present = Object.fromEntries(
      Object.entries(value as object).filter(([, field]) => field !== undefined),
    );
    expect(parsed.data).toEqual(present);
  });

  it('refuses keys the schema does not know, which zod would strip', () => {
    expect(check({ ...VALID, extra: 1 })).toBe(false);
    expect(AlertSchema.safeParse({ ...VALID, extra: 1 }).success).toBe(true);
  });

  it('takes an optional key that is present but undefined as absent, as zod does', () => {
    expect(check({ ...VALID, signature: undefined })).toBe(true);
    expect(check({ ...VALID, id: undefined })).toBe(false);
  });

  it('reads patterns, and refuses those whose meaning needs a flag', () => {
    const hex = checkOf(z.object({ digest: z.string().regex(/^[0-9a-f]{8}$/) }));
    expect(hex({ digest: '0123abcd' })).toBe(true);
    expect(hex({ digest: '0123ABCD' })).toBe(false);
    const letters = compileSchemaCheck(z.object({ name: z.string().regex(/^\p{L}+$/u) }));
    expect('unsupported' in letters).toBe(true);
  });

  it('names what it cannot compile instead of guessing', () => {
    const unions = compileSchemaCheck(z.object({ value: z.union([z.string(), z.number()]) }));
    expect(unions).toEqual({ unsupported: expect.stringMatching(/^type /) });
    const transformed = compileSchemaCheck(z.string().transform((text) => text.length));
    expect('unsupported' in transformed).toBe(true);
    const open = compileSchemaCheck(z.looseObject({ a: z.string() }));
    expect(open).toEqual({ unsupported: 'additionalProperties' });
  });
});
