/**
 * A fast yes/no check compiled from a zod object schema (through its JSON
 * Schema, zod's public description of itself). zod's own parse costs about
 * 10 µs an alert, much of it building issue lists and a copy of the object;
 * the compiled check costs well under 1 µs.
 *
 * The check is never more lenient than the schema: whatever it accepts, the
 * schema accepts unchanged (it refuses keys the schema does not know, which
 * zod would strip). It may refuse what the schema would accept; callers then
 * ask zod, which also says why a value is rejected. A schema that uses
 * anything this compiler does not know compiles to no check at all.
 */
import { z } from 'zod';

type Check = (value: unknown) => boolean;
type Node = Record<string, unknown>;

/** A compiled check of a value against a schema. */
export type SchemaCheck<T> = (value: unknown) => value is T;

const KEYWORDS: Record<string, readonly string[]> = {
  object: ['properties', 'required', 'additionalProperties'],
  array: ['items', 'minItems', 'maxItems'],
  string: ['minLength', 'maxLength', 'pattern', 'enum'],
  integer: ['minimum', 'maximum'],
  number: ['minimum', 'maximum'],
};

// zod writes a regular expression's source as the pattern and drops its
// flags. Without them a pattern matches the same or fewer strings, except
// where the u or v flag gives syntax its meaning: such patterns are refused.
const FLAG_DEPENDENT = /\\[pPu]\{|[^\x20-\x7e]/;

/** Why a schema cannot be compiled. */
class Unsupported extends Error {}

function number(node: Node, key: string): number | undefined {
  const value = node[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number') throw new Unsupported(`${key} is not a number`);
  return value;
}

function compileString(node: Node): Check {
  const min = number(node, 'minLength') ?? 0;
  const max = number(node, 'maxLength') ?? Infinity;
  const values = node.enum;
  const pattern = node.pattern;
  if (values !== undefined && !Array.isArray(values)) throw new Unsupported('enum is no list');
  if (pattern !== undefined && (typeof pattern !== 'string' || FLAG_DEPENDENT.test(pattern))) {
    throw new Unsupported(`pattern ${String(pattern)}`);
  }
  const allowed = values && new Set(values);
  const regex = pattern === undefined ? undefined : new RegExp(pattern);
  // zod measures strings in UTF-16 units, as .length does.
  return (value) =>
    typeof value === 'string' &&
    value.length >= min &&
    value.length <= max &&
    (allowed === undefined || allowed.has(value)) &&
    (regex === undefined || regex.test(value));
}

function compileNumber(node: Node, integer: boolean): Check {
  const min = number(node, 'minimum') ?? -Infinity;
  const max = number(node, 'maximum') ?? Infinity;
  // zod refuses NaN and the infinities, and its int() only safe integers.
  return (value) =>
    typeof value === 'number' &&
    (integer ? Number.isSafeInteger(value) : Number.isFinite(value)) &&
    value >= min &&
    value <= max;
}

function compileArray(node: Node): Check {
  const items = compile(node.items as Node);
  const min = number(node, 'minItems') ?? 0;
  const max = number(node, 'maxItems') ?? Infinity;
  return (value) => {
    if (!Array.isArray(value) || value.length < min || value.length > max) return false;
    // By index, as zod reads them: a hole is an undefined item.
    for (let i = 0; i < value.length; i += 1) if (!items(value[i])) return false;
    return true;
  };
}

function compileObject(node: Node): Check {
  if (![undefined, false].includes(node.additionalProperties as boolean | undefined)) {
    throw new Unsupported('additionalProperties');
  }
  const required = new Set((node.required ?? []) as string[]);
  const fields = Object.entries((node.properties ?? {}) as Record<string, Node>).map(
    ([key, property]) => ({ key, check: compile(property), required: required.delete(key) }),
  );
  if (required.size > 0) throw new Unsupported(`required ${[...required].join(', ')}`);
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const object = value as Record<string, unknown>;
    let present = 0;
    for (const { key, check, required } of fields) {
      const field = object[key];
      if (field === undefined) {
        // zod takes an optional key that is present but undefined as absent.
        if (required) return false;
        if (key in object) present += 1;
      } else if (check(field)) {
        present += 1;
      } else {
        return false;
      }
    }
    // Any other key is one zod would strip from its copy.
    return Object.keys(object).length === present;
  };
}

function compile(node: Node | undefined): Check {
  if (typeof node !== 'object' || node === null) throw new Unsupported('a schema is missing');
  const type = node.type;
  const allowed = typeof type === 'string' ? KEYWORDS[type] : undefined;
  if (!allowed) throw new Unsupported(`type ${String(type)}`);
  const unknown = Object.keys(node).filter(
    (key) => key !== 'type' && key !== '$schema' && !allowed.includes(key),
  );
  if (unknown.length > 0) throw new Unsupported(`${unknown.join(', ')} of ${String(type)}`);
  if (type === 'object') return compileObject(node);
  if (type === 'array') return compileArray(node);
  if (type === 'string') return compileString(node);
  return compileNumber(node, type === 'integer');
}

/**
 * The compiled check of `schema`, or the reason it cannot be compiled (a
 * keyword, format or type this compiler does not implement).
 */
export function compileSchemaCheck<T>(
  schema: z.ZodType<T>,
): { check: SchemaCheck<T> } | { unsupported: string } {
  try {
    // toJSONSchema itself throws for what JSON Schema cannot say (transforms, ...).
    return { check: compile(z.toJSONSchema(schema) as Node) as SchemaCheck<T> };
  } catch (error) {
    return { unsupported: error instanceof Error ? error.message : String(error) };
  }
}
