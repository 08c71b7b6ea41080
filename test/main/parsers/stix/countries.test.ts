import { describe, expect, it } from 'vitest';
import { countryCode } from '../../../../main/parsers/stix/countries';

describe('countryCode', () => {
  it('keeps alpha-2 codes, upper case', () => {
    expect(countryCode('TR')).toBe('TR');
    expect(countryCode(' fr ')).toBe('FR');
  });

  it("reads OpenCTI's alpha-3 codes", () => {
    expect(countryCode('DZA')).toBe('DZ');
    expect(countryCode('IOT')).toBe('IO');
  });

  it('reads English country names', () => {
    expect(countryCode('France')).toBe('FR');
    expect(countryCode('united states of america')).toBe('US');
  });

  it('refuses unknown codes, names and object keys', () => {
    for (const text of [
      'ZZ',
      'XYZ',
      'Atlantis',
      '',
      'constructor',
      '__proto__',
      'toString',
      'x'.repeat(500),
    ]) {
      expect(countryCode(text), text).toBeUndefined();
    }
  });
});
