/**
 * Cuts a file into lines from a byte offset, reading in chunks so files of
 * any size pass in bounded memory, and keeping the byte offset after each
 * line so a reader can resume exactly where it stopped. A file that starts
 * with a UTF-16 byte order mark (as Windows PowerShell 5 writes redirected
 * output) is cut on UTF-16 line breaks and its lines handed on as UTF-8.
 */
import { readSync } from 'node:fs';
import { utf16EncodingOf, type Utf16Encoding } from './decode';

/** One line, without its line break. */
export interface Line {
  bytes: Buffer;
  /** Byte offset just past the line break (the resume point). */
  end: number;
  /** The line was longer than the limit; `bytes` holds only its beginning. */
  oversized: boolean;
}

const CHUNK_BYTES = 1 << 20;
/** Lines longer than this are cut and reported, never held whole in memory. */
export const MAX_LINE_BYTES = 8 << 20;
/** How much of an over-long line is kept, for the quarantine. */
const OVERSIZED_HEAD_BYTES = 64 * 1024;

const UTF16_BREAKS: Record<Utf16Encoding, { newline: Buffer; cr: Buffer }> = {
  'utf-16le': { newline: Buffer.from([0x0a, 0x00]), cr: Buffer.from([0x0d, 0x00]) },
  'utf-16be': { newline: Buffer.from([0x00, 0x0a]), cr: Buffer.from([0x00, 0x0d]) },
};

/**
 * Reads lines from an open file descriptor, starting at `offset`. The
 * encoding is told once, from the file's first bytes: a tail that opens a
 * file before its byte order mark is written reads it as UTF-8.
 */
export class LineReader {
  private buffer = Buffer.alloc(0);
  /** File offset of buffer[0]. */
  private bufferStart: number;
  /** Head of an over-long line whose end has not been reached yet. */
  private oversizedHead: Buffer | undefined;
  private readonly utf16: Utf16Encoding | undefined;

  constructor(
    private readonly fd: number,
    offset: number,
    private readonly maxLineBytes = MAX_LINE_BYTES,
  ) {
    const mark = Buffer.alloc(2);
    this.utf16 = utf16EncodingOf(mark.subarray(0, readSync(fd, mark, 0, 2, 0)));
    // A UTF-16 byte order mark is no part of the first line.
    this.bufferStart = this.utf16 ? Math.max(offset, 2) : offset;
  }

  /**
   * The next complete line, or undefined when none is complete yet. A last
   * line without a line break is returned only when `final` is set (a
   * one-shot import); a tail waits for the writer to finish it.
   */
  next(final: boolean): Line | undefined {
    for (;;) {
      const newline = this.newlineAt();
      if (newline >= 0) return this.take(newline, newline + (this.utf16 ? 2 : 1));
      if (this.buffer.length > this.maxLineBytes) this.startSkipping();
      if (!this.fill()) {
        if (final && (this.buffer.length > 0 || this.oversizedHead)) {
          return this.take(this.buffer.length, this.buffer.length);
        }
        return undefined;
      }
    }
  }

  /** Where the next line break starts in the buffer, or -1. */
  private newlineAt(): number {
    if (!this.utf16) return this.buffer.indexOf(0x0a);
    const { newline } = UTF16_BREAKS[this.utf16];
    let at = this.buffer.indexOf(newline);
    // Only a whole code unit breaks a line: 0x0a 0x00 may straddle two units.
    while (at >= 0 && (this.bufferStart + at) % 2 !== 0) at = this.buffer.indexOf(newline, at + 1);
    return at;
  }

  private take(lineEnd: number, consumed: number): Line {
    let bytes: Buffer = this.buffer.subarray(0, lineEnd);
    if (this.utf16) {
      if (bytes.subarray(-2).equals(UTF16_BREAKS[this.utf16].cr)) bytes = bytes.subarray(0, -2);
    } else if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) {
      bytes = bytes.subarray(0, -1);
    }
    const head = this.oversizedHead ?? (bytes.length > this.maxLineBytes ? bytes : undefined);
    const kept = head ? head.subarray(0, OVERSIZED_HEAD_BYTES) : bytes;
    const line: Line = {
      bytes: this.utf16 ? utf16ToUtf8(kept, this.utf16) : Buffer.from(kept),
      end: this.bufferStart + consumed,
      oversized: head !== undefined,
    };
    this.oversizedHead = undefined;
    this.buffer = this.buffer.subarray(consumed);
    this.bufferStart += consumed;
    return line;
  }

  /** Keeps only the head of an over-long line, so memory stays bounded. */
  private startSkipping(): void {
    this.oversizedHead ??= Buffer.from(this.buffer.subarray(0, OVERSIZED_HEAD_BYTES));
    this.bufferStart += this.buffer.length;
    this.buffer = Buffer.alloc(0);
  }

  private fill(): boolean {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    const position = this.bufferStart + this.buffer.length;
    const read = readSync(this.fd, chunk, 0, CHUNK_BYTES, position);
    if (read === 0) return false;
    const fresh = chunk.subarray(0, read);
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, fresh]) : fresh;
    return true;
  }
}

/**
 * UTF-16 bytes as UTF-8. An unpaired surrogate becomes U+FFFD rather than
 * costing the line: the rest of it is still text.
 */
function utf16ToUtf8(bytes: Buffer, encoding: Utf16Encoding): Buffer {
  return Buffer.from(new TextDecoder(encoding).decode(bytes), 'utf8');
}
