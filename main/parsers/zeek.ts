/**
 * Zeek logs, one record per line: notice.log (alerts) and intel.log
 * (sightings), written as JSON or as TSV under a `#fields` header. Other
 * Zeek logs in the same stream are counted by their path.
 */
import { field, stringField, type JsonObject } from './fields';
import { parseJsonEvents, singleResult, type EventResult } from './json-events';
import type { ParseResult, Parser } from './types';
import { intelSighting } from './zeek/intel';
import { noticeAlert } from './zeek/notice';
import { defaultHeader, readHeaderLine, readRow, type ZeekHeader } from './zeek/tsv';

/**
 * The Zeek parser without a header: JSON lines and header lines parse, a
 * TSV row is refused because its columns are unknown. Files and tails use
 * `openStream`, which reads the header.
 */
export const zeekParser: Parser = {
  format: 'zeek',
  framing: 'lines',
  parse: (record) => parseZeekRecord(record, defaultHeader()),
  openStream: (head) => zeekStreamParser(head),
};

/** A parser for one Zeek log that keeps the last header it read, primed from the file's head. */
export function zeekStreamParser(head: string): Parser {
  const header = defaultHeader();
  for (const line of head.replace(/^\uFEFF/, '').split('\n')) {
    if (!line.startsWith('#')) break;
    readHeaderLine(line.replace(/\r$/, ''), header);
  }
  return { ...zeekParser, parse: (record) => parseZeekRecord(record, header) };
}

/** Parses one line of a Zeek log, updating `header` when it is a header line; never throws. */
export function parseZeekRecord(record: string, header: ZeekHeader): ParseResult {
  try {
    return parseLine(record.replace(/^\uFEFF/, '').replace(/\r?\n?$/, ''), header);
  } catch (error) {
    return { ok: false, reason: `Zeek record could not be read: ${String(error).slice(0, 120)}` };
  }
}

function parseLine(line: string, header: ZeekHeader): ParseResult {
  const start = line.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    return parseJsonEvents(line, 'Zeek', (event, raw) => zeekEvent(event, raw, undefined));
  }
  if (line.startsWith('#')) {
    if (!readHeaderLine(line, header)) {
      return { ok: false, reason: `unknown Zeek header line ${JSON.stringify(line.slice(0, 40))}` };
    }
    return { ok: true, alerts: [], ignored: { header: 1 } };
  }
  if (line.trim() === '') return { ok: false, reason: 'empty record' };
  const row = readRow(line, header);
  if (!row.ok) return row;
  return singleResult(zeekEvent(row.record, line, header.path));
}

/**
 * The log a record belongs to is its TSV `#path` or JSON `_path`; without
 * either, its fields tell notice and intel records apart.
 */
function zeekEvent(record: JsonObject, raw: string, path: string | undefined): EventResult {
  const log = path ?? stringField(record, '_path') ?? logOf(record);
  if (log === 'notice') return noticeAlert(record, raw);
  if (log === 'intel') return intelSighting(record, raw);
  return { ignored: log };
}

function logOf(record: JsonObject): string {
  if (field(record, 'note') !== undefined) return 'notice';
  if (field(record, 'seen.indicator') !== undefined) return 'intel';
  return 'other log';
}
