/**
 * The CSV exports of abuse.ch: their header, which some write as a
 * comment, and a row read into the entry its columns describe.
 */
import type { JsonObject } from '../fields';
import type { FeodoEntry } from './feodo';
import type { UrlhausEntry } from './urlhaus';

/** A row by column, as the builders take it. */
export type CsvEntry =
  | { list: 'feodo'; entry: FeodoEntry }
  | { list: 'urlhaus'; entry: UrlhausEntry }
  | { list: 'threatfox'; record: JsonObject };

// A column that only one list's header has tells which list it is.
const KNOWN_COLUMNS = new Set(['dst_ip', 'url', 'ioc_value', 'first_seen_utc', 'dateadded']);

/** Column names as compared: lower case, "(UTC)" and spaces dropped ("Dateadded (UTC)" → dateadded). */
export function columnName(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\(utc\)/, '')
    .trim()
    .replace(/\s+/g, '_');
}

/** True when `fields` are a header row of an abuse.ch CSV export. */
export function isHeader(fields: string[]): boolean {
  const names = fields.map(columnName);
  return (
    names.every((name) => /^[a-z_][a-z0-9_]*$/.test(name)) &&
    names.some((name) => KNOWN_COLUMNS.has(name))
  );
}

/** The entry of one row under `columns`, or why the row does not fit. */
export function csvEntry(columns: string[], fields: string[]): CsvEntry | { reason: string } {
  if (fields.length !== columns.length) {
    return {
      reason: `abuse.ch CSV row has ${fields.length} fields, the header names ${columns.length}`,
    };
  }
  const row = new Map(columns.map((name, index) => [name, fields[index]?.trim() ?? '']));
  const get = (name: string) => (row.get(name) ? row.get(name) : undefined);
  if (row.has('dst_ip')) {
    return {
      list: 'feodo',
      entry: {
        ip: get('dst_ip') ?? '',
        port: get('dst_port'),
        firstSeen: get('first_seen_utc') ?? '',
        status: get('c2_status'),
        lastOnline: get('last_online'),
        malware: get('malware'),
      },
    };
  }
  if (row.has('ioc_value')) {
    return {
      list: 'threatfox',
      record: {
        id: get('ioc_id'),
        ioc: get('ioc_value'),
        ioc_type: get('ioc_type'),
        threat_type: get('threat_type'),
        malware_printable: get('malware_printable'),
        malware_alias: get('malware_alias'),
        confidence_level: Number(get('confidence_level')),
        first_seen: get('first_seen_utc'),
        tags: get('tags')?.split(',') ?? [],
      },
    };
  }
  if (row.has('url')) {
    return {
      list: 'urlhaus',
      entry: {
        url: get('url') ?? '',
        dateAdded: get('dateadded') ?? '',
        status: get('url_status'),
        threat: get('threat'),
        tags: get('tags')?.split(',') ?? [],
        ip: get('ipaddress'),
        country: get('country'),
        reporter: get('reporter'),
      },
    };
  }
  return { reason: 'abuse.ch CSV header names no dst_ip, url or ioc_value column' };
}
