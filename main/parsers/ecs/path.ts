/**
 * Reads an ECS field by its dotted name, whether the document nests it
 * (`{"source": {"ip": …}}`), flattens it (`{"source.ip": …}`, as older
 * Beats wrote), or mixes both (`{"source.geo": {"location": …}}`).
 */
import { field, isJsonObject, type JsonObject } from '../fields';

/** The value at dotted `path`, or undefined. */
export function ecsField(document: JsonObject, path: string): unknown {
  return lookup(document, path.split('.'));
}

/** The string at `path`, or undefined. */
export function ecsString(document: JsonObject, path: string): string | undefined {
  const value = ecsField(document, path);
  return typeof value === 'string' ? value : undefined;
}

/** The finite number at `path` (numbers written as text included), or undefined. */
export function ecsNumber(document: JsonObject, path: string): number | undefined {
  const value = ecsField(document, path);
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** The strings at `path`: an array's strings, or a single string as one. */
export function ecsStrings(document: JsonObject, path: string): string[] {
  const value = ecsField(document, path);
  if (typeof value === 'string') return [value];
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

function lookup(object: JsonObject, segments: string[]): unknown {
  // Longest key first: a flattened "source.ip" beats a "source" object without ip.
  for (let take = segments.length; take >= 1; take -= 1) {
    const value = field(object, segments.slice(0, take).join('.'));
    if (value === undefined) continue;
    if (take === segments.length) return value;
    if (!isJsonObject(value)) continue;
    const found = lookup(value, segments.slice(take));
    if (found !== undefined) return found;
  }
  return undefined;
}
