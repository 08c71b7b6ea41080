/**
 * Cuts a syslog byte stream (TCP or TLS) into messages, in either framing
 * of RFC 6587: octet counting (`LEN SP MSG`) or a trailer after each
 * message (a line feed, or a NUL as some senders use). A message starting
 * with a digit is octet-counted; syslog messages themselves start with `<`.
 * Memory stays bounded: an over-long message is reported with its head and
 * the rest of it skipped.
 */

/** One message as framed, or a framing problem with the bytes it concerns. */
export type Frame = { bytes: Buffer } | { error: string; bytes: Buffer };

const EMPTY = Buffer.alloc(0);
const LF = 0x0a;
const NUL = 0x00;
const SPACE = 0x20;
// A count of more than 10 digits is no count (and over any limit anyway).
const MAX_COUNT_DIGITS = 10;
/** How much of a refused message is kept, to show what it was. */
const HEAD_BYTES = 4096;

/** Frames one connection's bytes; one decoder per connection. */
export class SyslogFrameDecoder {
  private buffer: Buffer = EMPTY;
  /** Bytes still to skip of an over-long octet-counted message. */
  private skipBytes = 0;
  /** Inside an over-long trailer-framed message: skip to its trailer. */
  private skipLine = false;
  /** Set when the stream can no longer be cut into messages; close the connection. */
  broken = false;

  constructor(private readonly maxBytes: number) {}

  /** The messages completed by `chunk`. */
  push(chunk: Buffer): Frame[] {
    if (this.broken) return [];
    this.buffer = this.buffer.length > 0 ? Buffer.concat([this.buffer, chunk]) : chunk;
    const frames: Frame[] = [];
    while (!this.broken && this.buffer.length > 0) {
      const frame = this.next();
      if (frame === 'wait') break;
      if (frame !== 'skipped') frames.push(frame);
    }
    return frames;
  }

  /** What is left when the sender closes: a last message without trailer, or a cut one. */
  end(): Frame[] {
    const rest = this.buffer;
    this.buffer = EMPTY;
    if (this.broken || rest.length === 0 || this.skipBytes > 0 || this.skipLine) return [];
    if (isCountDigit(rest[0])) {
      return [{ error: 'connection closed inside an octet-counted message', bytes: head(rest) }];
    }
    return [{ bytes: rest }];
  }

  private next(): Frame | 'wait' | 'skipped' {
    if (this.skipBytes > 0) {
      const skipped = Math.min(this.skipBytes, this.buffer.length);
      this.consume(skipped);
      this.skipBytes -= skipped;
      return 'skipped';
    }
    if (this.skipLine) {
      const end = this.trailerAt();
      this.consume(end < 0 ? this.buffer.length : end + 1);
      this.skipLine = end < 0;
      return 'skipped';
    }
    return isCountDigit(this.buffer[0]) ? this.octetCounted() : this.trailerFramed();
  }

  private octetCounted(): Frame | 'wait' {
    const space = this.buffer.subarray(0, MAX_COUNT_DIGITS + 1).indexOf(SPACE);
    const digits = this.buffer.subarray(0, space < 0 ? MAX_COUNT_DIGITS + 1 : space);
    if (
      !/^\d*$/.test(digits.toString('latin1')) ||
      (space < 0 && digits.length > MAX_COUNT_DIGITS)
    ) {
      // Without a count the next message's start cannot be found: give up the connection.
      this.broken = true;
      return {
        error: 'invalid octet count: the stream cannot be framed',
        bytes: head(this.buffer),
      };
    }
    if (space < 0) return 'wait';
    const length = Number(digits.toString('latin1'));
    const start = space + 1;
    if (length > this.maxBytes) {
      const bytes = Buffer.from(head(this.buffer.subarray(start, start + length)));
      const available = Math.min(length, this.buffer.length - start);
      this.consume(start + available);
      this.skipBytes = length - available;
      return { error: tooLong(length, this.maxBytes), bytes };
    }
    if (this.buffer.length < start + length) return 'wait';
    const bytes = this.buffer.subarray(start, start + length);
    this.consume(start + length);
    return { bytes };
  }

  private trailerFramed(): Frame | 'wait' | 'skipped' {
    const end = this.trailerAt();
    if (end < 0) {
      if (this.buffer.length <= this.maxBytes) return 'wait';
      const bytes = Buffer.from(head(this.buffer));
      this.consume(this.buffer.length);
      this.skipLine = true;
      return { error: `message is over the ${this.maxBytes}-byte limit`, bytes };
    }
    const bytes = this.buffer.subarray(0, end);
    this.consume(end + 1);
    if (bytes.length > this.maxBytes)
      return { error: tooLong(bytes.length, this.maxBytes), bytes: head(bytes) };
    return bytes.length > 0 ? { bytes } : 'skipped';
  }

  /** Index of the first trailer (LF, or a NUL before it), or -1. */
  private trailerAt(): number {
    const lf = this.buffer.indexOf(LF);
    const nul = this.buffer.subarray(0, lf < 0 ? this.buffer.length : lf).indexOf(NUL);
    return nul >= 0 ? nul : lf;
  }

  private consume(bytes: number): void {
    // Let go of the chunk once it is read, rather than keep it alive through an empty view.
    this.buffer = bytes >= this.buffer.length ? EMPTY : this.buffer.subarray(bytes);
  }
}

/** RFC 6587: MSG-LEN starts with a non-zero digit. */
function isCountDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x31 && byte <= 0x39;
}

function head(bytes: Buffer): Buffer {
  return bytes.subarray(0, HEAD_BYTES);
}

function tooLong(length: number, limit: number): string {
  return `message of ${length} bytes is over the ${limit}-byte limit`;
}
