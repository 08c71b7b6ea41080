import { describe, expect, it } from 'vitest';
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
});
