/**
 * The cursors of MISP feeds. A feed (HTTP or folder) keeps the timestamp
 * of every event it has read, as its manifest gave it: an event is read
 * again when its timestamp changes, and one added with an older timestamp
 * is not missed. The REST API keeps the newest event timestamp it has read.
 */
import { field, isJsonObject } from '../../parsers/fields';

/** Event timestamps (ms) by uuid. */
export type FeedCursor = Map<string, number>;

/** Parses a stored feed cursor; anything else is an empty one. */
export function parseFeedCursor(text: string | undefined): FeedCursor {
  const events = storedPart(text, 'mispFeed');
  const cursor: FeedCursor = new Map();
  if (!isJsonObject(events)) return cursor;
  for (const [uuid, timestamp] of Object.entries(events)) {
    if (typeof timestamp === 'number') cursor.set(uuid, timestamp);
  }
  return cursor;
}

/** A feed cursor as stored. */
export function feedCursorText(cursor: FeedCursor): string {
  return JSON.stringify({ mispFeed: Object.fromEntries(cursor) });
}

/** The newest event timestamp (epoch seconds) a REST API feed has read, if any. */
export function parseApiCursor(text: string | undefined): number | undefined {
  const timestamp = storedPart(text, 'mispApiTimestamp');
  return typeof timestamp === 'number' && Number.isSafeInteger(timestamp) ? timestamp : undefined;
}

/** A REST API cursor as stored. */
export function apiCursorText(timestamp: number | undefined): string | undefined {
  return timestamp === undefined ? undefined : JSON.stringify({ mispApiTimestamp: timestamp });
}

function storedPart(text: string | undefined, key: string): unknown {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? field(value, key) : undefined;
  } catch {
    return undefined;
  }
}
