/**
 * Typed reads from parsed JSON of unknown shape. Only own properties are
 * read, so a record cannot reach Object.prototype through a missing key.
 */

/** A parsed JSON object. */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The own property `key` of `object`, or undefined. */
export function field(object: JsonObject, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** The string at `key`, or undefined when absent or of another type. */
export function stringField(object: JsonObject, key: string): string | undefined {
  const value = field(object, key);
  return typeof value === 'string' ? value : undefined;
}

/** The finite number at `key`, or undefined. */
export function numberField(object: JsonObject, key: string): number | undefined {
  const value = field(object, key);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The object at `key`, or undefined. */
export function objectField(object: JsonObject, key: string): JsonObject | undefined {
  const value = field(object, key);
  return isJsonObject(value) ? value : undefined;
}

/** The strings of the array at `key`; other elements and other types are skipped. */
export function stringsField(object: JsonObject, key: string): string[] {
  const value = field(object, key);
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

/** The objects of the array at `key`; other elements and other types are skipped. */
export function objectsField(object: JsonObject, key: string): JsonObject[] {
  const value = field(object, key);
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}
