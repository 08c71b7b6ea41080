/**
 * Cuts a file into lines from a byte offset, reading in chunks so files of
 * any size pass in bounded memory, and keeping the byte offset after each
 * line so a reader can resume exactly where it stopped.
 */
import { readSync } from 'node:fs';

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

/** Reads lines from an open file descriptor, starting at `offset`. */
export class LineReader {
  private buffer = Buffer.alloc(0);
  /** File offset of buffer[0]. */
  private bufferStart: number;
  /** Head of an over-long line whose end has not been reached yet. */
  private oversizedHead: Buffer | undefined;

  constructor(
    private readonly fd: number,
    offset: number,
    private readonly maxLineBytes = MAX_LINE_BYTES,
  ) {
    this.bufferStart = offset;
  }

  /**
   * The next complete line, or undefined when none is complete yet. A last
   * line without a line break is returned only when `final` is set (a
   * one-shot import); a tail waits for the writer to finish it.
   */
  next(final: boolean): Line | undefined {
    for (;;) {
      const newline = this.buffer.indexOf(0x0a);
      if (newline >= 0) return this.take(newline, newline + 1);
      if (this.buffer.length > this.maxLineBytes) this.startSkipping();
      if (!this.fill()) {
        if (final && (this.buffer.length > 0 || this.oversizedHead)) {
          return this.take(this.buffer.length, this.buffer.length);
        }
        return undefined;
      }
    }
  }

  private take(lineEnd: number, consumed: number): Line {
    let bytes: Buffer = this.buffer.subarray(0, lineEnd);
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1);
    const head = this.oversizedHead ?? (bytes.length > this.maxLineBytes ? bytes : undefined);
    const line: Line = {
      bytes: Buffer.from(head ? head.subarray(0, OVERSIZED_HEAD_BYTES) : bytes),
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
