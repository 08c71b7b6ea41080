/**
 * A JetStream message made into a record for the pipeline: its payload,
 * without the line break a publisher piping lines may leave at its end,
 * placed by stream and stream sequence (which a redelivery keeps, so that
 * a message quarantined twice is kept once).
 */
import type { JsMsg } from '@nats-io/jetstream';
import { decodeRecord } from '../decode';
import type { RawRecord } from '../types';

const LF = 0x0a;
const CR = 0x0d;

/** Where a message is: its stream and its sequence in it. */
export function messagePosition(message: JsMsg): string {
  return `${message.info.stream} #${message.seq}`;
}

/** The record of one message; an empty one carries the reason it cannot be parsed. */
export function messageRecord(message: JsMsg): RawRecord {
  const position = messagePosition(message);
  const data = message.data;
  let end = data.length;
  if (end > 0 && data[end - 1] === LF) end -= 1;
  if (end > 0 && data[end - 1] === CR) end -= 1;
  const bytes = Buffer.from(data.buffer, data.byteOffset, end);
  if (end === 0) return { position, raw: bytes, error: 'empty message' };
  return decodeRecord(bytes, position);
}
