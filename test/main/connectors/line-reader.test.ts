import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineReader, type Line } from '../../../main/connectors/line-reader';

function readAll(content: string | Buffer, final: boolean, offset = 0, max?: number): Line[] {
  const path = join(mkdtempSync(join(tmpdir(), 'lines-')), 'f');
  writeFileSync(path, content);
  const fd = openSync(path, 'r');
  try {
    const reader = new LineReader(fd, offset, max);
    const lines: Line[] = [];
    for (let line = reader.next(final); line; line = reader.next(final)) lines.push(line);
    return lines;
  } finally {
    closeSync(fd);
  }
}

describe('LineReader', () => {
  it('cuts lines and reports the offset after each', () => {
    const lines = readAll('a\r\nbb\n\nccc\n', true);
    expect(lines.map((l) => l.bytes.toString())).toEqual(['a', 'bb', '', 'ccc']);
    expect(lines.map((l) => l.end)).toEqual([3, 6, 7, 11]);
  });

  it('holds back an unfinished last line unless the read is final', () => {
    expect(readAll('a\nb', false).map((l) => l.bytes.toString())).toEqual(['a']);
    expect(readAll('a\nb', true).map((l) => l.bytes.toString())).toEqual(['a', 'b']);
  });

  it('resumes at an offset', () => {
    expect(readAll('one\ntwo\nthree\n', true, 4).map((l) => l.bytes.toString())).toEqual([
      'two',
      'three',
    ]);
  });

  it('cuts an over-long line to its head and goes on after it', () => {
    const long = 'x'.repeat(5000);
    const lines = readAll(`ok\n${long}\nafter\n`, true, 0, 1000);
    expect(lines.map((l) => l.oversized)).toEqual([false, true, false]);
    expect(lines[1]!.bytes.length).toBeLessThanOrEqual(64 * 1024);
    expect(lines[2]!.bytes.toString()).toBe('after');
    expect(lines[2]!.end).toBe(3 + 5001 + 6);
  });

  it('keeps bytes as they are, invalid UTF-8 included', () => {
    const lines = readAll(Buffer.from([0x61, 0xff, 0x0a]), true);
    expect([...lines[0]!.bytes]).toEqual([0x61, 0xff]);
  });
});
