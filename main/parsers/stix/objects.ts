/**
 * The objects of a STIX document, checked one by one: a malformed object is
 * set aside with a reason while the rest of the document is kept.
 */
import { field, isJsonObject, stringField, type JsonObject } from '../fields';
import { parseTimestamp } from '../time';
import { truncate } from '../text';

/** A STIX object with a type and an id of that type. */
export type StixObject = JsonObject & { type: string; id: string };

/** An object of a document that could not be used, and why. */
export interface Rejection {
  position: string;
  reason: string;
  raw: string;
}

/** What a document holds: its checked objects (the ones set aside go to a Rejections). */
export interface DocumentObjects {
  objects: StixObject[];
  /** Index of each kept object in the document, by id. */
  indexById: Map<string, number>;
  /** Older versions of an object that a newer one in the same document replaces. */
  superseded: number;
}

/** Most rejected objects one document lists one by one; the rest are only counted. */
export const MAX_LISTED_REJECTIONS = 1000;

/**
 * The rejected objects of one document: the first MAX_LISTED_REJECTIONS
 * with position, reason and raw text, the rest counted. A 64 MiB bundle of
 * 22 million `{}` would otherwise hold an entry each and exhaust memory.
 */
export class Rejections {
  readonly listed: Rejection[] = [];
  unlisted = 0;

  /** `where` names the document (e.g. its path) in every position. */
  constructor(private readonly where?: string) {}

  /** Sets aside the item at `index` of the document. */
  add(index: number, item: unknown, reason: string): void {
    if (this.listed.length >= MAX_LISTED_REJECTIONS) {
      this.unlisted += 1;
      return;
    }
    const position = objectPosition(index, item);
    this.listed.push({
      position: this.where === undefined ? position : `${this.where}: ${position}`,
      reason,
      raw: rawOf(item),
    });
  }
}

// Longer ids would not fit the signature column; real ones are type--uuid.
const MAX_ID_CHARS = 300;
const MAX_TYPE_CHARS = 250;

/** The items of a bundle, of a top-level array, or a single object; a reason when none. */
export function documentItems(
  value: unknown,
): { ok: true; items: unknown[] } | { ok: false; reason: string } {
  if (Array.isArray(value)) {
    return value.length > 0
      ? { ok: true, items: value }
      : { ok: false, reason: 'STIX array is empty' };
  }
  if (!isJsonObject(value)) return { ok: false, reason: 'STIX document is not an object or array' };
  const type = stringField(value, 'type');
  if (type === 'bundle') {
    const objects = field(value, 'objects');
    if (!Array.isArray(objects) || objects.length === 0) {
      return { ok: false, reason: 'STIX bundle has no objects' };
    }
    return { ok: true, items: objects };
  }
  return type === undefined
    ? { ok: false, reason: 'JSON is not a STIX bundle or object (no type)' }
    : { ok: true, items: [value] };
}

/** Checks every item, sets the malformed ones aside and keeps the newest version of each id. */
export function checkItems(items: unknown[], rejections: Rejections): DocumentObjects {
  const newest = new Map<string, StixObject>();
  const indexById = new Map<string, number>();
  let superseded = 0;
  items.forEach((item, index) => {
    const checked = checkItem(item);
    if (typeof checked === 'string') {
      rejections.add(index, item, checked);
      return;
    }
    const previous = newest.get(checked.id);
    if (previous) superseded += 1;
    if (previous && modifiedAt(checked) < modifiedAt(previous)) return;
    newest.set(checked.id, checked);
    indexById.set(checked.id, index);
  });
  return { objects: [...newest.values()], indexById, superseded };
}

/** Where an object sits in its document, e.g. "object 7 (indicator--…)", counted from 1. */
function objectPosition(index: number, item: unknown): string {
  const id = isJsonObject(item) ? stringField(item, 'id') : undefined;
  return id === undefined ? `object ${index + 1}` : `object ${index + 1} (${truncate(id, 100)})`;
}

/** The object as JSON text, as kept in `raw`. */
export function rawOf(item: unknown): string {
  return JSON.stringify(item) ?? String(item);
}

/** The item as a STIX object, or what is wrong with it. */
function checkItem(item: unknown): StixObject | string {
  if (!isJsonObject(item)) return 'not a JSON object';
  const type = stringField(item, 'type');
  if (!type) return 'no type';
  if (type.length > MAX_TYPE_CHARS) return 'type too long';
  const id = stringField(item, 'id');
  if (!id) return 'no id';
  if (id.length > MAX_ID_CHARS) return 'id too long';
  if (!id.startsWith(`${type}--`)) return `id ${truncate(id, 100)} does not name type ${type}`;
  return { ...item, type, id };
}

function modifiedAt(object: StixObject): number {
  return parseTimestamp(field(object, 'modified')) ?? Number.NEGATIVE_INFINITY;
}
