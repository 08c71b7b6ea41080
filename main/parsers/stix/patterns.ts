/**
 * Network observables named in STIX patterns, e.g. the address in
 * `[ipv4-addr:value = '198.51.100.1/32' OR url:value = 'http://x']`.
 * A single forward scan with no regular expression, so any pattern costs
 * time linear in its length.
 */

/** The observable types whose values Lagebild can place on a map or match. */
export const OBSERVABLE_TYPES = ['ipv4-addr', 'ipv6-addr', 'domain-name', 'url'] as const;
/** One of OBSERVABLE_TYPES. */
export type ObservableType = (typeof OBSERVABLE_TYPES)[number];

/** One value a pattern or an observed-data object names. */
export interface Observable {
  type: ObservableType;
  value: string;
}

const QUOTE = "'";
const BACKSLASH = '\\';
const SUBSET = 'ISSUBSET';
const MAX_VALUES = 100;

/**
 * The values compared with `=` or `ISSUBSET` to `<type>:value` in a STIX
 * pattern, in order, at most 100. Negated, `MATCHES`, `LIKE` and other
 * comparisons are skipped: they do not name one value or network.
 */
export function patternObservables(pattern: string): Observable[] {
  const found: Observable[] = [];
  let segmentStart = 0;
  let i = 0;
  while (i < pattern.length && found.length < MAX_VALUES) {
    if (pattern[i] !== QUOTE) {
      i += 1;
      continue;
    }
    const literal = readLiteral(pattern, i + 1);
    if (!literal) break;
    const type = comparedType(pattern.slice(segmentStart, i));
    if (type && literal.value !== '') found.push({ type, value: literal.value });
    i = literal.end;
    segmentStart = i;
  }
  return found;
}

/** The string literal starting after its opening quote, unescaped, and where it ends. */
function readLiteral(pattern: string, start: number): { value: string; end: number } | undefined {
  let value = '';
  for (let i = start; i < pattern.length; i += 1) {
    const ch = pattern[i];
    if (ch === BACKSLASH) {
      i += 1;
      value += pattern[i] ?? '';
    } else if (ch === QUOTE) {
      return { value, end: i + 1 };
    } else {
      value += ch;
    }
  }
  return undefined;
}

/**
 * The observable type when `segment` (the text before a literal) ends in
 * `<type>:value =` or `<type>:value ISSUBSET`. A literal prefix such as b
 * or h (binary, hex), NOT, or any other operator leaves no match.
 */
function comparedType(segment: string): ObservableType | undefined {
  const text = segment.trimEnd();
  let before: string;
  if (text.endsWith(SUBSET)) before = text.slice(0, -SUBSET.length);
  else if (text.endsWith('=') && !'!<>'.includes(text.charAt(text.length - 2))) {
    before = text.slice(0, -1);
  } else return undefined;
  const path = lastToken(before.trimEnd());
  return OBSERVABLE_TYPES.find((type) => path === `${type}:value`);
}

/** The text after the last space or bracket, e.g. "ipv4-addr:value" of "[a OR ipv4-addr:value". */
function lastToken(text: string): string {
  let start = text.length;
  while (start > 0 && !' \t\r\n[('.includes(text.charAt(start - 1))) start -= 1;
  return text.slice(start);
}
