/**
 * Syslog messages that carry CEF or LEEF, told apart message by message:
 * the format of the syslog feed, and of files that mix the two.
 */
import { cefAlert } from './cef';
import { leefAlert } from './leef';
import { openEnvelope } from './syslog-envelope';
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
  const opened = openEnvelope(record, now);
  if (!opened.ok) return opened;
  const { envelope } = opened;
  return envelope.kind === 'CEF'
    ? cefAlert(envelope, record, now)
    : leefAlert(envelope, record, now);
}
