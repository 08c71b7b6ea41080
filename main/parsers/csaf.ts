/**
 * CSAF 2.0 documents, read whole. An advisory (security advisory, VEX,
 * or a vendor's own profile) becomes one item of kind advisory with its
 * CVEs and products as tags and the TLP of `document.distribution.tlp`.
 * The other files of CSAF distribution (provider metadata, aggregator
 * lists, ROLIE feeds) are recognised and counted.
 */
import { parseTlpName } from '../../shared/vocab';
import { csafProductNames } from './advisory/csaf-products';
import { csafSeverity } from './advisory/csaf-severity';
import { alertId } from './alert-id';
import {
  field,
  isJsonObject,
  objectField,
  objectsField,
  stringField,
  type JsonObject,
} from './fields';
import { parseJsonRecord } from './json-record';
import { boundTags, truncate } from './text';
import { parseTimestamp } from './time';
import type { ParseResult, Parser } from './types';

const MAX_CSAF_BYTES = 64 * 1024 * 1024;
const MAX_TAGS = 80;

/** The CSAF parser: framing 'document', a file is one record. */
export const csafParser: Parser = {
  format: 'csaf',
  framing: 'document',
  parse: parseCsafDocument,
};

/** Parses one CSAF file; never throws. */
export function parseCsafDocument(record: string): ParseResult {
  try {
    const json = parseJsonRecord(record, MAX_CSAF_BYTES);
    if (!json.ok) return json;
    if (!isJsonObject(json.value)) return { ok: false, reason: 'CSAF file is not a JSON object' };
    return readDocument(json.value, record.trim());
  } catch (error) {
    return { ok: false, reason: `CSAF document could not be read: ${String(error).slice(0, 120)}` };
  }
}

function readDocument(csaf: JsonObject, raw: string): ParseResult {
  const document = objectField(csaf, 'document');
  if (document) return advisory(csaf, document, raw);
  const kind = distributionFile(csaf);
  if (kind) return { ok: true, alerts: [], ignored: { [kind]: 1 } };
  return { ok: false, reason: 'not a CSAF document: no document object' };
}

/** Which CSAF distribution file `csaf` is, if it is one. */
function distributionFile(csaf: JsonObject): string | undefined {
  if (objectField(csaf, 'aggregator')) return 'csaf aggregator';
  if (Array.isArray(field(objectField(csaf, 'feed') ?? {}, 'entry'))) return 'rolie feed';
  if (objectField(csaf, 'publisher') && field(csaf, 'canonical_url') !== undefined) {
    return 'csaf provider metadata';
  }
  return undefined;
}

function advisory(csaf: JsonObject, document: JsonObject, raw: string): ParseResult {
  const tracking = objectField(document, 'tracking') ?? {};
  const trackingId = stringField(tracking, 'id')?.trim();
  if (!trackingId) return { ok: false, reason: 'CSAF document has no document.tracking.id' };
  const title = stringField(document, 'title')?.trim();
  if (!title) return { ok: false, reason: 'CSAF document has no document.title' };
  const released = field(tracking, 'current_release_date');
  const observedAt = parseTimestamp(released);
  if (observedAt === undefined) {
    return {
      ok: false,
      reason: `CSAF document has an invalid current_release_date ${JSON.stringify(released ?? null).slice(0, 60)}`,
    };
  }
  const publisher = objectField(document, 'publisher') ?? {};
  const vulnerabilities = objectsField(csaf, 'vulnerabilities');
  const tlpLabel = stringField(
    objectField(objectField(document, 'distribution') ?? {}, 'tlp') ?? {},
    'label',
  );
  const tlp = tlpLabel === undefined ? undefined : parseTlpName(tlpLabel);
  const category = stringField(document, 'category')?.trim();
  const products = csafProductNames(objectField(csaf, 'product_tree') ?? {});
  const cves = vulnerabilities.map((vulnerability) => stringField(vulnerability, 'cve')?.trim());
  // A revision is news of its own; the same revision imported again is not.
  const identity = [
    stringField(publisher, 'namespace'),
    trackingId,
    stringField(tracking, 'version'),
  ];
  return {
    ok: true,
    alerts: [
      {
        id: alertId('csaf', JSON.stringify(identity)),
        kind: 'advisory',
        observedAt,
        severity: csafSeverity(document, vulnerabilities),
        title: truncate(title, 500),
        category: category === 'csaf_vex' ? 'vex' : 'advisory',
        sectors: [],
        ...(tlp ? { tlp } : {}),
        tags: boundTags(
          [
            ...cves,
            category,
            stringField(publisher, 'name') && `publisher:${stringField(publisher, 'name')}`,
            ...products.map((product) => `product:${product}`),
          ],
          MAX_TAGS,
        ),
        signature: truncate(`csaf:${trackingId}`, 300),
        raw,
      },
    ],
  };
}
