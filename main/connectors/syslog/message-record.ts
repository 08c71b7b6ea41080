/**
 * A syslog message, as a transport framed it, made into a record for the
 * pipeline: trailing line breaks dropped, over-long or broken ones turned
 * into records that carry the reason.
 */
import { decodeRecord } from '../decode';
import type { RawRecord } from '../types';
import type { Frame } from './tcp-framing';

const CR = 0x0d;
const LF = 0x0a;
const NUL = 0x00;

/** The record of one frame, or undefined for an empty message. */
export function messageRecord(
  frame: Frame,
  position: string,
  maxBytes: number,
): RawRecord | undefined {
  if ('error' in frame) return { position, raw: frame.bytes, error: frame.error };
  let end = frame.bytes.length;
  // UDP senders often end a datagram with a line break that belongs to no message.
  while (end > 0 && [CR, LF, NUL].includes(frame.bytes[end - 1] as number)) end -= 1;
  if (end === 0) return undefined;
  const bytes = frame.bytes.subarray(0, end);
  if (bytes.length > maxBytes) {
    const error = `message of ${bytes.length} bytes is over the ${maxBytes}-byte limit`;
    return { position, raw: bytes.subarray(0, maxBytes), error };
  }
  return decodeRecord(bytes, position);
}
