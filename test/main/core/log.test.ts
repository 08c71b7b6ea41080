import { describe, expect, it } from 'vitest';
import { rememberSecret } from '../../../main/core/known-secrets';
import { oneLine, redact } from '../../../main/core/log';

describe('log text', () => {
  it('keeps every message on one line, whatever breaks it carries', () => {
    const forged = 'ok\n2026-12-04 [info] (core) cache opened\r\nand\u2028more\rend';
    expect(oneLine(forged)).toBe('ok\\n2026-12-04 [info] (core) cache opened\\nand\\nmore\\nend');
    expect(oneLine(forged)).not.toMatch(/[\r\n\u2028\u2029]/);
  });

  it('redacts values that look like credentials', () => {
    expect(redact('token=abc123 password: "hunter2"')).toBe(
      'token=[redacted] password: "[redacted]"',
    );
  });

  it('redacts the secrets it was told of, wherever they stand', () => {
    rememberSecret('s3cr3t/value', 'czNjcjN0');
    expect(redact('302 to https://x.example/?q=s3cr3t%2Fvalue&b=czNjcjN0 (s3cr3t/value)')).toBe(
      '302 to https://x.example/?q=[redacted]&b=[redacted] ([redacted])',
    );
    // Short values would blank out ordinary words: they are not remembered.
    rememberSecret('abc');
    expect(redact('abc')).toBe('abc');
  });
});
