/**
 * Arbitraries that damage a real record the way transport, disks and
 * careless tools do: flipped bytes, inserted and deleted characters, and,
 * for JSON, values swapped for random JSON and keys removed.
 */
import fc from 'fast-check';
import { decodeRecord } from '../../../../main/connectors/decode';

/** A damaged record: its text, or why the connector refused its bytes. */
export type Damaged = { text: string } | { error: string };

/** The record with one byte changed, decoded as a connector decodes it. */
export function flippedByte(record: string): fc.Arbitrary<Damaged> {
  const bytes = Buffer.from(record);
  return fc
    .tuple(fc.nat({ max: Math.max(0, bytes.length - 1) }), fc.integer({ min: 1, max: 255 }))
    .map(([at, mask]) => {
      const copy = Buffer.from(bytes);
      if (copy.length > 0) copy[at] = (copy[at] ?? 0) ^ mask;
      const decoded = decodeRecord(copy, 'line 1');
      return 'error' in decoded ? { error: decoded.error } : { text: decoded.text };
    });
}

/** The record with random text inserted at a random place. */
export function insertedText(record: string): fc.Arbitrary<Damaged> {
  return fc
    .tuple(
      fc.nat({ max: record.length }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
    )
    .map(([at, text]) => ({ text: record.slice(0, at) + text + record.slice(at) }));
}

/** The record with a random stretch of it deleted. */
export function deletedStretch(record: string): fc.Arbitrary<Damaged> {
  return fc
    .tuple(fc.nat({ max: record.length }), fc.integer({ min: 1, max: 16 }))
    .map(([at, length]) => ({ text: record.slice(0, at) + record.slice(at + length) }));
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every value of a JSON tree with the path to it (an empty path is the root). */
function jsonPaths(value: Json, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(value)) {
    return here.concat(...value.map((item, index) => jsonPaths(item, [...path, index])));
  }
  if (value !== null && typeof value === 'object') {
    return here.concat(
      ...Object.entries(value).map(([key, item]) => jsonPaths(item, [...path, key])),
    );
  }
  return here;
}

/** A copy of `tree` with the value at `path` replaced, or removed when `replacement` is undefined. */
function edited(
  tree: Json,
  path: (string | number)[],
  replacement: Json | undefined,
): Json | undefined {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy: Json = Array.isArray(tree) ? [...tree] : { ...(tree as Record<string, Json>) };
  // The path came from jsonPaths over this very tree, so the child exists.
  const child = (copy as Record<string | number, Json>)[head as string] as Json;
  const next = edited(child, rest, replacement);
  if (next === undefined) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete (copy as Record<string, Json>)[head as string];
  } else (copy as Record<string | number, Json>)[head as string] = next;
  return copy;
}

/**
 * For a JSON record: one of its values (the root included) replaced by
 * random JSON, or removed. Undefined when the record is not JSON.
 */
export function jsonEdit(record: string): fc.Arbitrary<Damaged> | undefined {
  let tree: Json;
  try {
    tree = JSON.parse(record.replace(/^\uFEFF/, '')) as Json;
  } catch {
    return undefined;
  }
  const paths = jsonPaths(tree);
  const replacement = fc.option(fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>, {
    nil: undefined,
  });
  return fc.tuple(fc.constantFrom(...paths), replacement).map(([path, value]) => ({
    text: JSON.stringify(edited(tree, path, value) ?? null),
  }));
}
