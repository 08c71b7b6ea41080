import { describe, expect, it } from 'vitest';
import { parseAsnCsv, parseCountryCsv } from '../../../main/enrich/geoip-csv';
import { ipNumber, type IpNumber } from '../../../main/enrich/ip-address';

const ip = (text: string): IpNumber => ipNumber(text) as IpNumber;

describe('GeoIP range tables', () => {
  // 10.0.0.0/8 is DE, with 10.1.0.0/16 (NL) inside it and 10.1.2.0/24 (FR)
  // inside that; 11.0.0.0/8 is missing.
  const nested = parseCountryCsv(
    ['167772160,184549375,DE', '167837696,167903231,NL', '167838208,167838463,FR', ''].join('\n'),
    4,
    'nested.csv',
  );
  const country = (text: string) => {
    const at = nested.ranges.find(ip(text));
    if (at < 0) return undefined;
    const code = nested.codes[at] as number;
    return String.fromCharCode(code >> 8, code & 0xff);
  };

  it('finds the innermost of nested ranges, also after a nested one ends', () => {
    expect(country('10.1.2.3')).toBe('FR');
    expect(country('10.1.3.1')).toBe('NL');
    expect(country('10.2.0.1')).toBe('DE');
    expect(country('10.0.0.0')).toBe('DE');
    expect(country('10.255.255.255')).toBe('DE');
    expect(country('11.0.0.1')).toBeUndefined();
    expect(country('9.255.255.255')).toBeUndefined();
    expect(country('2001:db8::1')).toBeUndefined();
  });

  it('reads IPv6 ranges and quoted AS names', () => {
    const start = ip('2001:db8::').value as bigint;
    const end = ip('2001:db8:ffff:ffff:ffff:ffff:ffff:ffff').value as bigint;
    const table = parseAsnCsv(`${start},${end},64500,"Example, ""Docs"" Ltd"\n`, 6, 'v6.csv');
    const at = table.ranges.find(ip('2001:db8:1::5'));
    expect(at).toBe(0);
    expect(table.asns[at]).toBe(64500);
    expect(table.orgs[table.orgIds[at] as number]).toBe('Example, "Docs" Ltd');
    expect(table.ranges.find(ip('2001:db9::1'))).toBe(-1);
  });

  it('names the file and line of a malformed row', () => {
    expect(() => parseCountryCsv('1,2,DE\n3,4\n', 4, 'bad.csv')).toThrow('bad.csv: line 2');
    expect(() => parseAsnCsv('1,2,x,Org\n', 4, 'bad-asn.csv')).toThrow('bad-asn.csv: line 1');
  });
});
