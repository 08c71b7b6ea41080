/** The parser a file-tail feed reads its lines with. */
import { readHead } from '../connectors/file-import';
import { parserFor } from '../parsers/detect';
import type { Format, Parser } from '../parsers/types';

/**
 * The parser of the tail's line format (the config refuses document
 * formats), opened on the file's first bytes: a header-driven format (Zeek
 * TSV, CSV exports) knows its header even when the tail resumes mid-file.
 */
export function tailParser(format: Format, path: string): Parser {
  const parser = parserFor(format);
  if (!parser.openStream) return parser;
  // A tail always reads lines, whatever framing the head would suggest for an import.
  return { ...parser.openStream(headOf(path)), framing: 'lines' };
}

/** The file's first bytes; none while it does not exist yet (its header then arrives as lines). */
function headOf(path: string): string {
  try {
    return readHead(path);
  } catch {
    return '';
  }
}
