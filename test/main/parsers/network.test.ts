import { describe, expect, it } from 'vitest';
import { canonicalIp, validHostname, validPort } from '../../../main/parsers/network';

describe('canonicalIp', () => {
  it('keeps dotted-quad IPv4', () => {
    expect(canonicalIp('82.165.177.154')).toBe('82.165.177.154');
  });

  it('refuses IPv4 forms no feed means: octal, short, leading zeros, out of range', () => {
    for (const text of ['010.1.1.1', '127.1', '000.111.222.10', '1.2.3.256', '0x7f.0.0.1', '']) {
      expect(canonicalIp(text), text).toBeUndefined();
    }
  });

  it('compresses IPv6 the RFC 5952 way', () => {
    expect(canonicalIp('fe80:0000:0000:0000:fada:0cff:fedc:87f1')).toBe('fe80::fada:cff:fedc:87f1');
    expect(canonicalIp('2A00:1450:400F:080C:0000:0000:0000:200E')).toBe('2a00:1450:400f:80c::200e');
    expect(canonicalIp('::1')).toBe('::1');
  });

  it('reads IPv4-mapped IPv6 as IPv4', () => {
    expect(canonicalIp('::ffff:198.51.100.7')).toBe('198.51.100.7');
  });

  it('refuses non-addresses', () => {
    for (const text of ['example.com', '1.2.3.4/32', '::g', 'a'.repeat(100), '1.2.3.4 ']) {
      expect(canonicalIp(text), text).toBeUndefined();
    }
  });
});

describe('validPort', () => {
  it('takes integers 0-65535 only', () => {
    expect(validPort(443)).toBe(443);
    expect(validPort(0)).toBe(0);
    for (const value of [-1, 65536, 80.5, '80', null]) expect(validPort(value)).toBeUndefined();
  });
});

describe('validHostname', () => {
  it('lower-cases and drops a trailing dot', () => {
    expect(validHostname('WWW.TestMyIDS.com.')).toBe('www.testmyids.com');
  });

  it('refuses names with spaces, empty labels or odd characters', () => {
    for (const text of ['domain autuo.xicp.net', 'a..b', '.a', 'a/b', '', 'x'.repeat(254)]) {
      expect(validHostname(text), text).toBeUndefined();
    }
  });
});
