/**
 * Syslog messages that carry CEF or LEEF, told apart message by message:
 * the format of the syslog feed, and of files that mix the two.
 */
import { readCef } from './cef';
import { readLeef } from './leef';
import { parsePayloadRecord } from './payload-record';
import type { Format, ParseResult, Parser } from './types';

/** The formats a syslog feed may be given: both payloads, or only one of them. */
export const SYSLOG_FORMATS = ['syslog', 'cef', 'leef'] as const satisfies readonly Format[];

/** The parser of CEF or LEEF, whichever each record holds. */
export const syslogParser: Parser = {
  format: 'syslog',
  framing: 'lines',
  parse: (record) => parseSyslogRecord(record, Date.now()),
};

/** Parses one record by its payload; `now` as for the CEF and LEEF parsers. */
export function parseSyslogRecord(record: string, now: number): ParseResult {
  return parsePayloadRecord(record, now, { CEF: readCef, LEEF: readLeef });
}
