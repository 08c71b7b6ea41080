/**
 * CISA's Known Exploited Vulnerabilities catalog, as JSON or as CSV, read
 * whole: each entry becomes an advisory, a malformed entry is rejected on
 * its own.
 */
import { kevAdvisory, type KevEntry } from './advisory/kev-entry';
import { csvRows } from './csv';
import { field, isJsonObject, stringField, stringsField, type JsonObject } from './fields';
import type { EventResult } from './json-events';
import { parseJsonRecord } from './json-record';
import type { ParseResult, ParsedAlert, Parser } from './types';

const MAX_CATALOG_BYTES = 64 * 1024 * 1024;

/** The KEV parser: framing 'document', a catalog file is one record. */
export const kevParser: Parser = {
  format: 'kev',
  framing: 'document',
  parse: parseKevCatalog,
};

type Rejection = { position: string; reason: string; raw: string };

/** Parses a whole catalog, JSON or CSV; never throws. */
export function parseKevCatalog(record: string): ParseResult {
  try {
    const text = record.replace(/^\uFEFF/, '').trim();
    // JSON opens with either bracket; only a catalog object holds entries, an array is refused as such.
    return /^[{[]/.test(text) ? jsonCatalog(text) : csvCatalog(text);
  } catch (error) {
    return { ok: false, reason: `KEV catalog could not be read: ${String(error).slice(0, 120)}` };
  }
}

function jsonCatalog(text: string): ParseResult {
  const json = parseJsonRecord(text, MAX_CATALOG_BYTES);
  if (!json.ok) return json;
  const entries = isJsonObject(json.value) ? field(json.value, 'vulnerabilities') : undefined;
  if (!Array.isArray(entries))
    return { ok: false, reason: 'KEV catalog has no vulnerabilities array' };
  return collect(
    entries.map((entry: unknown, index) => {
      const raw = JSON.stringify(entry) ?? 'null';
      const built: EventResult = isJsonObject(entry)
        ? kevAdvisory(jsonEntry(entry), raw)
        : { reason: 'KEV entry is not a JSON object' };
      return { built, position: `vulnerability ${index + 1}`, raw };
    }),
  );
}

function jsonEntry(entry: JsonObject): KevEntry {
  const text = (key: string) => stringField(entry, key);
  return {
    cveID: text('cveID'),
    vendorProject: text('vendorProject'),
    product: text('product'),
    vulnerabilityName: text('vulnerabilityName'),
    dateAdded: text('dateAdded'),
    dueDate: text('dueDate'),
    knownRansomwareCampaignUse: text('knownRansomwareCampaignUse'),
    cwes: stringsField(entry, 'cwes'),
  };
}

function csvCatalog(text: string): ParseResult {
  const parsed = csvRows(text);
  if (!parsed.ok) return { ok: false, reason: `KEV CSV: ${parsed.reason}` };
  const [header, ...rows] = parsed.rows;
  const columns = header?.fields.map((name) => name.trim()) ?? [];
  if (!columns.includes('cveID'))
    return { ok: false, reason: 'KEV CSV has no header naming cveID' };
  return collect(
    rows.map((row) => {
      const position = `line ${row.line}`;
      if (row.fields.length !== columns.length) {
        const reason = `KEV CSV row has ${row.fields.length} fields, the header names ${columns.length}`;
        return { built: { reason }, position, raw: row.text };
      }
      const value = new Map(columns.map((name, index) => [name, row.fields[index]]));
      const entry: KevEntry = {
        cveID: value.get('cveID'),
        vendorProject: value.get('vendorProject'),
        product: value.get('product'),
        vulnerabilityName: value.get('vulnerabilityName'),
        dateAdded: value.get('dateAdded'),
        dueDate: value.get('dueDate'),
        knownRansomwareCampaignUse: value.get('knownRansomwareCampaignUse'),
        cwes: (value.get('cwes') ?? '')
          .split(',')
          .map((cwe) => cwe.trim())
          .filter(Boolean),
      };
      return { built: kevAdvisory(entry, row.text), position, raw: row.text };
    }),
  );
}

function collect(results: { built: EventResult; position: string; raw: string }[]): ParseResult {
  // A catalog of no entries (a CSV cut after its header) would otherwise leave no trace.
  if (results.length === 0) return { ok: false, reason: 'KEV catalog lists no vulnerabilities' };
  const alerts: ParsedAlert[] = [];
  const rejected: Rejection[] = [];
  for (const { built, position, raw } of results) {
    if ('alert' in built) alerts.push(built.alert);
    else if ('reason' in built) rejected.push({ position, reason: built.reason, raw });
  }
  return { ok: true, alerts, ...(rejected.length > 0 ? { rejected } : {}) };
}
