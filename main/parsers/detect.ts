/**
 * Which parser reads a file, told from its name and first bytes, and the
 * parser of each format.
 */
import { assertNever } from '../core/assert-never';
import { eveParser } from './eve';
import { field, isJsonObject } from './fields';
import { parseJsonRecord } from './json-record';
import { stix21Parser } from './stix21';
import type { Format, Parser } from './types';

// Only the start is looked at: a STIX document says what it is in its first lines.
const MAX_HEAD_CHARS = 64 * 1024;

// Fixed words joined by `\s*`: no nested quantifiers, linear on any head.
const STIX_HINTS = [
  /"type"\s*:\s*"bundle"/,
  /"spec_version"\s*:\s*"2\.[01]"/,
  /"id"\s*:\s*"(indicator|sighting|observed-data|marking-definition|identity|bundle)--/,
];
const EVE_HINT = /"event_type"\s*:\s*"/;

/**
 * The format of a file from its name and its first bytes (`head` may end
 * mid-line), or undefined when neither says. A first line that is a JSON
 * object with an event_type is EVE; JSON that opens like a STIX bundle or
 * object is STIX 2.1; a name like `eve.json` or `*.eve` settles a JSON
 * line that was cut off.
 */
export function detectFormat(fileName: string, head: string): Format | undefined {
  const text = head
    .slice(0, MAX_HEAD_CHARS)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
  const newline = text.indexOf('\n');
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  const json = parseJsonRecord(firstLine);
  if (json.ok && isJsonObject(json.value) && typeof field(json.value, 'event_type') === 'string') {
    return 'eve';
  }
  if (STIX_HINTS.some((hint) => hint.test(text))) return 'stix21';
  if (text.startsWith('{') && (EVE_HINT.test(firstLine) || isEveName(fileName))) return 'eve';
  return undefined;
}

/** The parser of a format. */
export function parserFor(format: Format): Parser {
  switch (format) {
    case 'eve':
      return eveParser;
    case 'stix21':
      return stix21Parser;
    default:
      return assertNever(format, 'format');
  }
}

function isEveName(fileName: string): boolean {
  const base = fileName.toLowerCase().split(/[\\/]/).pop() ?? '';
  return base.endsWith('.eve') || base === 'eve.json' || base.endsWith('-eve.json');
}
