/**
 * A TAXII feed's cursor: for each collection (by its objects URL), the
 * X-TAXII-Date-Added-Last of the last page committed. The next poll asks
 * for objects added after it.
 */
import { field, isJsonObject } from '../../parsers/fields';

/** Where each collection was read to. */
export type TaxiiCursor = Map<string, string>;

/** Parses a stored cursor; anything else (none, another feed type's) is an empty one. */
export function parseTaxiiCursor(text: string | undefined): TaxiiCursor {
  if (!text) return new Map();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return new Map();
  }
  const collections = isJsonObject(value) ? field(value, 'taxii21') : undefined;
  if (!isJsonObject(collections)) return new Map();
  const read = Object.entries(collections);
  return new Map(read.filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The cursor as stored. */
export function taxiiCursorText(cursor: TaxiiCursor): string {
  return JSON.stringify({ taxii21: Object.fromEntries(cursor) });
}
