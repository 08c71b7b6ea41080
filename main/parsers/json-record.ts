/**
 * Safe JSON parsing of one untrusted record: bounded in size and nesting so
 * that hostile input is refused with a reason instead of exhausting memory
 * or the stack.
 */

/** Largest record accepted by default, in UTF-8 bytes. */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;

/** Deepest nesting of arrays and objects accepted. */
export const MAX_JSON_DEPTH = 256;

/** The outcome of parsing one record. */
export type JsonResult = { ok: true; value: unknown } | { ok: false; reason: string };

const BOM = '\uFEFF';
const MAX_REASON_CHARS = 200;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/** Parses one JSON record; `maxBytes` raises the size limit for whole documents. */
export function parseJsonRecord(text: string, maxBytes = MAX_RECORD_BYTES): JsonResult {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const bytes = utf8Length(body, maxBytes);
  if (bytes > maxBytes) {
    return { ok: false, reason: `record too large: over ${formatBytes(maxBytes)}` };
  }
  if (body.trim() === '') return { ok: false, reason: 'empty record' };
  const depth = opensMoreThan(body, MAX_JSON_DEPTH)
    ? exceedsDepth(body, MAX_JSON_DEPTH)
    : undefined;
  if (depth !== undefined) {
    return {
      ok: false,
      reason: `JSON nested deeper than ${MAX_JSON_DEPTH} levels (at position ${depth})`,
    };
  }
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `invalid JSON: ${message}`.slice(0, MAX_REASON_CHARS) };
  }
}

/** UTF-8 length of `text`, counted only as far as needed to know it passes `limit`. */
function utf8Length(text: string, limit: number): number {
  // Every UTF-16 unit takes 1 to 3 bytes, so most texts are decided without counting.
  if (text.length > limit) return text.length;
  if (text.length * 3 <= limit) return text.length;
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Whether `text` holds more than `limit` opening brackets, inside strings or
 * not. Only such a text can nest deeper than `limit`; counting them with
 * indexOf is several times cheaper than walking every character, which
 * matters for the millions of small records that are nowhere near the limit.
 */
function opensMoreThan(text: string, limit: number): boolean {
  let count = 0;
  for (const bracket of ['{', '[']) {
    for (let at = text.indexOf(bracket); at >= 0; at = text.indexOf(bracket, at + 1)) {
      count += 1;
      if (count > limit) return true;
    }
  }
  return false;
}

/**
 * Position of the first bracket that nests deeper than `maxDepth`, or
 * undefined. Brackets inside strings do not count; a malformed text is left
 * for JSON.parse to describe.
 */
function exceedsDepth(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      // An escaped character, quote included, never ends the string.
      if (code === BACKSLASH) i += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      depth += 1;
      if (depth > maxDepth) return i;
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
      depth -= 1;
    }
  }
  return undefined;
}

function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MiB` : `${bytes} bytes`;
}
