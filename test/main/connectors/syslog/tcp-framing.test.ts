import { describe, expect, it } from 'vitest';
import { SyslogFrameDecoder, type Frame } from '../../../../main/connectors/syslog/tcp-framing';

const text = (frames: Frame[]) =>
  frames.map((frame) => ('error' in frame ? `!${frame.error}` : frame.bytes.toString()));

/** Feeds `stream` in chunks of `size` bytes, as a slow network would. */
function decodeInChunks(stream: string, size: number, maxBytes = 64): string[] {
  const decoder = new SyslogFrameDecoder(maxBytes);
  const bytes = Buffer.from(stream);
  const frames: Frame[] = [];
  for (let at = 0; at < bytes.length; at += size)
    frames.push(...decoder.push(bytes.subarray(at, at + size)));
  return text([...frames, ...decoder.end()]);
}

describe('SyslogFrameDecoder', () => {
  it('cuts octet-counted and newline-framed messages, whatever the chunks', () => {
    const stream = '5 <1>ab10 <2>a\nb c d<3>one\n<4>two\0<5>three';
    for (const size of [1, 2, 3, 7, 100]) {
      expect(decodeInChunks(stream, size), `chunks of ${size}`).toEqual([
        '<1>ab',
        '<2>a\nb c d',
        '<3>one',
        '<4>two',
        '<5>three',
      ]);
    }
  });

  it('reports an over-long message with its head and carries on after it', () => {
    const long = `<1>${'x'.repeat(100)}`;
    for (const size of [1, 10, 1000]) {
      const frames = decodeInChunks(`${long.length} ${long}4 <2>b${long}\n<3>c\n`, size);
      expect(frames, `chunks of ${size}`).toEqual([
        '!message of 103 bytes is over the 64-byte limit',
        '<2>b',
        expect.stringMatching(/over the 64-byte limit/),
        '<3>c',
      ]);
    }
  });

  it('gives up a stream whose octet count is not one', () => {
    const decoder = new SyslogFrameDecoder(64);
    expect(text(decoder.push(Buffer.from('12345678901 <1>x')))).toEqual([
      '!invalid octet count: the stream cannot be framed',
    ]);
    expect(decoder.broken).toBe(true);
    expect(decoder.push(Buffer.from('<2>y\n'))).toEqual([]);
  });

  it('reports a message cut off by the end of the connection', () => {
    expect(decodeInChunks('10 <1>ab', 100)).toEqual([
      '!connection closed inside an octet-counted message',
    ]);
  });
});
