/**
 * The extension of a CEF record: key=value pairs separated by spaces, where
 * values may hold spaces, and `\=`, `\\`, `\n` and `\r` are escapes.
 */

// A key is a word of letters, digits and . _ - [ ] after a space (or at the
// start), followed by an unescaped '='. A value runs up to the next key, so
// "cs2Label=Rule Name layer_name=Network" is two pairs and a URL's "?a=b"
// (no space before it) stays in its value.
const KEY = /(?:^|\s)([\w.[\]-]+)=/g;

const ESCAPES: Record<string, string> = { '=': '=', '\\': '\\', n: '\n', r: '\r', '|': '|' };

/** The pairs of an extension; a key given twice keeps its first value. */
export function parseCefExtension(text: string): Map<string, string> {
  const pairs = new Map<string, string>();
  const keys = [...text.matchAll(KEY)];
  keys.forEach((match, index) => {
    const key = match[1] as string;
    const start = match.index + match[0].length;
    const end = keys[index + 1]?.index ?? text.length;
    if (!pairs.has(key)) pairs.set(key, unescape(text.slice(start, end).trim()));
  });
  return pairs;
}

function unescape(value: string): string {
  return value.includes('\\')
    ? value.replace(/\\([=\\nr|])/g, (_, char: string) => ESCAPES[char] as string)
    : value;
}
