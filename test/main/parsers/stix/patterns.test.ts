import { describe, expect, it } from 'vitest';
import { patternObservables } from '../../../../main/parsers/stix/patterns';

describe('patternObservables', () => {
  it('reads each value of an OR pattern in order', () => {
    const pattern = "[ipv4-addr:value = '198.51.100.1/32' OR url:value = 'http://x.example/a']";
    expect(patternObservables(pattern)).toEqual([
      { type: 'ipv4-addr', value: '198.51.100.1/32' },
      { type: 'url', value: 'http://x.example/a' },
    ]);
  });

  it('reads IPv6, domain names, spacing variants and several observation expressions', () => {
    const pattern =
      "[ ipv6-addr:value='2001:db8::1' ] AND [domain-name:value   =   'evil.example'] " +
      "FOLLOWEDBY ([ipv4-addr:value ISSUBSET '203.0.113.0/24'])";
    expect(patternObservables(pattern)).toEqual([
      { type: 'ipv6-addr', value: '2001:db8::1' },
      { type: 'domain-name', value: 'evil.example' },
      { type: 'ipv4-addr', value: '203.0.113.0/24' },
    ]);
  });

  it('unescapes quotes and backslashes inside literals', () => {
    expect(patternObservables("[url:value = 'http://x/it\\'s\\\\']")).toEqual([
      { type: 'url', value: "http://x/it's\\" },
    ]);
  });

  it('skips other objects, properties, operators, negations and typed literals', () => {
    const pattern = [
      "[file:hashes.'SHA-256' = 'ef53']",
      "[email-message:from_ref.value MATCHES '.+@x\\\\.com$']",
      "[ipv4-addr:value != '10.0.0.1']",
      "[ipv4-addr:value NOT = '10.0.0.2']",
      "[domain-name:value LIKE '%.example']",
      "[ipv4-addr:value <= '10.0.0.3']",
      "[url:value = h'00ff']",
      "[x-ipv4-addr:value = '10.0.0.4']",
      "[ipv4-addr:value = '']",
    ].join(' OR ');
    expect(patternObservables(pattern)).toEqual([]);
  });

  it('stops at an unterminated literal and keeps what it found', () => {
    expect(patternObservables("[ipv4-addr:value = '1.2.3.4'] OR [url:value = 'http://x")).toEqual([
      { type: 'ipv4-addr', value: '1.2.3.4' },
    ]);
  });

  it('returns at most 100 values', () => {
    const pattern = Array.from(
      { length: 150 },
      (_, i) => `[ipv4-addr:value = '10.0.0.${i % 250}']`,
    );
    expect(patternObservables(pattern.join(' OR '))).toHaveLength(100);
  });

  it('stays linear on hostile patterns', () => {
    const hostile = [
      "'".repeat(200_000),
      `[ipv4-addr:value ${' '.repeat(200_000)}= '1.2.3.4']`,
      "= '' ".repeat(100_000),
      `'${'\\'.repeat(200_000)}`,
      `${'a'.repeat(200_000)}'x'`,
    ];
    const started = performance.now();
    for (const pattern of hostile) patternObservables(pattern);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
