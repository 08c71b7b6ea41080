/**
 * Comma-separated values as RFC 4180 writes them: fields in double quotes
 * may hold commas, doubled quotes and line breaks. Small enough to keep
 * here rather than add a dependency for.
 */

/** One row: its fields and the line it starts on (1-based). */
export interface CsvRow {
  fields: string[];
  line: number;
  /** The row's own text, for quarantine and raw records. */
  text: string;
}

/** The rows of `text`, or why it is not CSV (a quote never closed). Blank lines are skipped. */
export function csvRows(
  text: string,
): { ok: true; rows: CsvRow[] } | { ok: false; reason: string } {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowStart = 0;
  let rowLine = 1;
  const endRow = (end: number) => {
    fields.push(field);
    const rowText = text.slice(rowStart, end).replace(/\r$/, '');
    if (rowText.trim() !== '') rows.push({ fields, line: rowLine, text: rowText });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field.trim() === '') {
      // Spaces before an opening quote are padding, as most writers mean them.
      field = '';
      quoted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n') {
      endRow(i);
      line += 1;
      rowStart = i + 1;
      rowLine = line;
    } else if (char !== '\r' || text[i + 1] !== '\n') field += char;
  }
  if (quoted) return { ok: false, reason: `CSV quote opened on line ${rowLine} is never closed` };
  endRow(text.length);
  return { ok: true, rows };
}

/** The fields of one CSV line, or why it is not one. */
export function csvFields(
  line: string,
): { ok: true; fields: string[] } | { ok: false; reason: string } {
  const parsed = csvRows(line);
  if (!parsed.ok) return parsed;
  if (parsed.rows.length !== 1) return { ok: false, reason: 'expected one CSV row' };
  return { ok: true, fields: (parsed.rows[0] as CsvRow).fields };
}
