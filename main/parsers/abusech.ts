/**
 * abuse.ch exports, one record per line: the Feodo Tracker IP blocklist
 * (plain or CSV), URLhaus (JSON dump, CSV feeds, plain URL lists) and
 * ThreatFox (JSON records, CSV export). Every entry is an indicator.
 * Comment lines are counted; a banner's date stands in for entries that
 * carry none, and a CSV header (written as a comment by some exports)
 * names the columns of the rows after it.
 */
import { abuseChTime, type EventResult } from './abusech/common';
import { columnName, csvEntry, isHeader } from './abusech/csv-entries';
import { feodoIndicator } from './abusech/feodo';
import { isThreatFoxRecord, threatFoxIndicator } from './abusech/threatfox';
import { urlhausIndicator } from './abusech/urlhaus';
import { csvFields } from './csv';
import { field, stringField, stringsField, type JsonObject } from './fields';
import { parseJsonEvents, singleResult, withJsonFileFraming } from './json-events';
import { canonicalIp } from './network';
import type { ParseResult, Parser } from './types';

/** What earlier lines of an export said: its columns and when it was made. */
interface ExportState {
  columns?: string[];
  generatedAt?: number;
}

// "Generated on 2016-02-23 15:11:38 UTC", "Last updated: 2021-02-10 13:34:57 UTC".
const BANNER_DATE = /(?:generated on|last updated:?)\s+(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})/i;

/** The abuse.ch parser without stream state (JSON and plain lines); files use `openStream`. */
export const abuseChParser: Parser = {
  format: 'abusech',
  framing: 'lines',
  parse: (record) => parseAbuseChRecord(record, {}),
  openStream: (head) => abuseChStreamParser(head),
};

/** A parser for one export that keeps its header and banner date, primed from its head. */
export function abuseChStreamParser(head: string): Parser {
  const state: ExportState = {};
  for (const line of head.replace(/^\uFEFF/, '').split('\n')) {
    if (!line.startsWith('#') && !isHeaderLine(line)) break;
    parseAbuseChRecord(line, state);
  }
  return {
    ...withJsonFileFraming(abuseChParser, head),
    parse: (record) => parseAbuseChRecord(record, state),
  };
}

/** Parses one line of an export, updating `state` from banners and headers; never throws. */
export function parseAbuseChRecord(record: string, state: ExportState): ParseResult {
  try {
    return parseLine(record.replace(/^\uFEFF/, '').trim(), state);
  } catch (error) {
    return {
      ok: false,
      reason: `abuse.ch record could not be read: ${String(error).slice(0, 120)}`,
    };
  }
}

function parseLine(line: string, state: ExportState): ParseResult {
  if (line === '') return { ok: false, reason: 'empty record' };
  if (line.startsWith('{') || line.startsWith('[')) {
    return parseJsonEvents(line, 'abuse.ch', jsonEntry);
  }
  if (line.startsWith('#')) return readComment(line.replace(/^#+\s*/, ''), state);
  if (isHeaderLine(line)) {
    state.columns = headerColumns(line);
    return { ok: true, alerts: [], ignored: { header: 1 } };
  }
  if (state.columns) return singleResult(csvRow(line, state.columns, state));
  return singleResult(plainEntry(line, state));
}

function readComment(text: string, state: ExportState): ParseResult {
  const date = BANNER_DATE.exec(text);
  if (date) state.generatedAt = abuseChTime(date[1]) ?? state.generatedAt;
  if (isHeaderLine(text)) state.columns = headerColumns(text);
  return { ok: true, alerts: [], ignored: { comment: 1 } };
}

function isHeaderLine(line: string): boolean {
  const parsed = csvFields(line);
  return parsed.ok && parsed.fields.length > 1 && isHeader(parsed.fields);
}

function headerColumns(line: string): string[] {
  const parsed = csvFields(line);
  return parsed.ok ? parsed.fields.map(columnName) : [];
}

function csvRow(line: string, columns: string[], state: ExportState): EventResult {
  const parsed = csvFields(line);
  if (!parsed.ok) return { reason: `abuse.ch CSV row: ${parsed.reason}` };
  const entry = csvEntry(columns, parsed.fields);
  if ('reason' in entry) return entry;
  switch (entry.list) {
    case 'feodo':
      return feodoIndicator(entry.entry, line, state.generatedAt ?? Date.now());
    case 'urlhaus':
      return urlhausIndicator(entry.entry, line);
    case 'threatfox':
      return threatFoxIndicator(entry.record, line);
  }
}

/** A line of a plain list: an address (Feodo's blocklist) or a URL (URLhaus's text lists). */
function plainEntry(line: string, state: ExportState): EventResult {
  const listedAt = state.generatedAt ?? Date.now();
  if (canonicalIp(line)) return feodoIndicator({ ip: line }, line, listedAt);
  if (/^https?:\/\//i.test(line)) {
    return urlhausIndicator({ url: line, dateAdded: new Date(listedAt).toISOString() }, line);
  }
  return {
    reason: `abuse.ch line is no address, URL, JSON record or CSV row under a header: ${JSON.stringify(line.slice(0, 40))}`,
  };
}

function jsonEntry(record: JsonObject, raw: string): EventResult {
  if (isThreatFoxRecord(record)) return threatFoxIndicator(record, raw);
  const url = stringField(record, 'url');
  if (url !== undefined && field(record, 'dateadded') !== undefined) {
    return urlhausIndicator(
      {
        url,
        dateAdded: stringField(record, 'dateadded') ?? '',
        status: stringField(record, 'url_status'),
        threat: stringField(record, 'threat'),
        tags: stringsField(record, 'tags'),
        reporter: stringField(record, 'reporter'),
      },
      raw,
    );
  }
  return { reason: 'abuse.ch JSON record is neither a ThreatFox IOC nor a URLhaus entry' };
}
