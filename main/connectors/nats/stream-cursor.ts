/**
 * A NATS feed's cursor: the highest stream sequence it has committed. The
 * durable consumer on the server keeps the real place in the stream; this
 * copy is for diagnostics (how far the cache has got), and is never used to
 * skip messages, since a redelivered one may lie below it.
 */

/** The stream and the highest sequence committed from it. */
export interface StreamCursor {
  stream: string;
  seq: number;
}

/** Parses a stored cursor; anything else (none, another stream's) is no cursor. */
export function parseStreamCursor(
  text: string | undefined,
  stream: string,
): StreamCursor | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<StreamCursor>;
    if (value.stream === stream && Number.isSafeInteger(value.seq)) {
      return { stream, seq: value.seq as number };
    }
  } catch {
    // fall through: a cursor of another kind of feed
  }
  return undefined;
}

/** The cursor after committing messages up to `seq` (a redelivery never moves it back). */
export function advanceCursor(
  cursor: StreamCursor | undefined,
  stream: string,
  seq: number,
): StreamCursor {
  return { stream, seq: Math.max(cursor?.seq ?? 0, seq) };
}
