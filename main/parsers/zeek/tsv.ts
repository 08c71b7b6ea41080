/**
 * Zeek's tab-separated log format: the `#separator`, `#fields`, `#types`
 * header and the rows it describes, read into the same flat record
 * (dotted field names, typed values) that Zeek's JSON writer produces.
 */
import type { JsonObject } from '../fields';

/** What a log's header says about the rows after it. */
export interface ZeekHeader {
  separator: string;
  setSeparator: string;
  emptyField: string;
  unsetField: string;
  path?: string;
  fields?: string[];
  types?: string[];
}

/** The header Zeek writes by default, before any `#` line has said otherwise. */
export function defaultHeader(): ZeekHeader {
  return { separator: '\t', setSeparator: ',', emptyField: '(empty)', unsetField: '-' };
}

const NUMERIC_TYPES = new Set(['time', 'interval', 'double', 'count', 'int', 'port']);
const CONTAINER_TYPE = /^(set|vector|table)\[/;

/** Reads one `#` line into `header`; false when it is not a header line Zeek writes. */
export function readHeaderLine(line: string, header: ZeekHeader): boolean {
  // `#separator` names the separator itself, so it is split on the space after it.
  if (line.startsWith('#separator ')) {
    header.separator = unescapeZeek(line.slice('#separator '.length));
    return header.separator.length > 0;
  }
  const [key = '', ...values] = line.split(header.separator);
  switch (key) {
    case '#set_separator':
      header.setSeparator = unescapeZeek(values[0] ?? ',');
      return true;
    case '#empty_field':
      header.emptyField = values[0] ?? '(empty)';
      return true;
    case '#unset_field':
      header.unsetField = values[0] ?? '-';
      return true;
    case '#path':
      header.path = values[0];
      return true;
    case '#fields':
      header.fields = values;
      header.types = undefined;
      return values.length > 0;
    case '#types':
      header.types = values;
      return true;
    case '#open':
    case '#close':
      return true;
    default:
      return false;
  }
}

/** One row as a flat record, or why it does not fit the header. */
export function readRow(
  line: string,
  header: ZeekHeader,
): { ok: true; record: JsonObject } | { ok: false; reason: string } {
  const { fields, types } = header;
  if (!fields) return { ok: false, reason: 'Zeek TSV row before any #fields header' };
  const values = line.split(header.separator);
  if (values.length !== fields.length) {
    return {
      ok: false,
      reason: `Zeek TSV row has ${values.length} fields, the header names ${fields.length}`,
    };
  }
  const record: JsonObject = {};
  fields.forEach((name, index) => {
    const value = typedValue(values[index] ?? '', types?.[index] ?? 'string', header);
    // defineProperty: a field named "__proto__" stays a plain own property.
    if (value !== undefined) Object.defineProperty(record, name, { value, enumerable: true });
  });
  return { ok: true, record };
}

function typedValue(text: string, type: string, header: ZeekHeader): unknown {
  if (text === header.unsetField) return undefined;
  if (CONTAINER_TYPE.test(type)) {
    if (text === header.emptyField) return [];
    return text.split(header.setSeparator).map(unescapeZeek);
  }
  if (NUMERIC_TYPES.has(type)) {
    const number = Number(text);
    return text.trim() !== '' && Number.isFinite(number) ? number : text;
  }
  if (type === 'bool') return text === 'T' ? true : text === 'F' ? false : text;
  if (text === header.emptyField) return '';
  return unescapeZeek(text);
}

/** Zeek writes bytes it will not print, the separator among them, as `\xHH`. */
function unescapeZeek(text: string): string {
  return text.replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}
