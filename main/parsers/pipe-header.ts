/**
 * The pipe-separated header that CEF and LEEF records start with, where
 * `\|` stands for a pipe and `\\` for a backslash inside a field.
 */

/** The first `count` fields and the text after the last of their pipes, or undefined when there are fewer. */
export function splitPipeHeader(
  text: string,
  count: number,
): { fields: string[]; rest: string } | undefined {
  const fields: string[] = [];
  let field = '';
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at];
    const next = text[at + 1];
    if (char === '\\' && (next === '|' || next === '\\')) {
      field += next;
      at += 1;
    } else if (char === '|') {
      fields.push(field);
      field = '';
      if (fields.length === count) return { fields, rest: text.slice(at + 1) };
    } else {
      field += char;
    }
  }
  return undefined;
}

/** How many pipe-ended fields `text` has, for saying what a short header lacks. */
export function countPipeFields(text: string): number {
  return text.replace(/\\[|\\]/g, '').split('|').length - 1;
}
