/**
 * STIX 2.1 documents (a bundle, a top-level array of objects as OpenCTI
 * streams them, or one bare object): indicators, sightings and unsighted
 * observed data become alerts; every other object type is counted.
 */
import { parseJsonRecord } from './json-record';
import { truncate } from './text';
import type { ParseResult, ParsedAlert, Parser } from './types';
import type { BuildResult } from './stix/common';
import { buildGraph, type StixGraph } from './stix/graph';
import { indicatorAlert } from './stix/indicator';
import { isLagebildSummary } from './stix/lagebild-extension';
import { observationAlert } from './stix/observation';
import { Rejections, checkItems, documentItems, type StixObject } from './stix/objects';
import { sightingAlert } from './stix/sighting';

/** Largest STIX document accepted, as the file connector reads them (e.g. ATT&CK bundles). */
const MAX_STIX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/** How a STIX document is read. */
export interface StixParseOptions {
  /**
   * Keep the alert ids that Lagebild's extension names (an exact restore of
   * a Lagebild export). Only for a source the operator trusts: any bundle
   * could otherwise claim, and so suppress, a sensor's alert id.
   */
  trustLagebildIds?: boolean;
}

/** The STIX 2.1 parser: framing 'document', the whole file is one record. */
export const stix21Parser: Parser = {
  format: 'stix21',
  framing: 'document',
  parse: (record, position) => parseStixDocument(record, position),
};

/** The STIX 2.1 parser for a trusted source: Lagebild's exported alert ids are kept. */
export const stix21TrustedParser: Parser = {
  ...stix21Parser,
  parse: (record, position) => parseStixDocument(record, position, { trustLagebildIds: true }),
};

/**
 * Parses one STIX document; malformed objects are rejected one by one,
 * never thrown. `position` (the file's path) leads each rejection's
 * position, so the same bad object in two files is kept for each.
 */
export function parseStixDocument(
  record: string,
  position?: string,
  options: StixParseOptions = {},
): ParseResult {
  try {
    return parseDocument(record, position, options.trustLagebildIds ?? false);
  } catch (error) {
    return { ok: false, reason: `STIX document could not be read: ${String(error).slice(0, 120)}` };
  }
}

function parseDocument(
  record: string,
  position: string | undefined,
  trustLagebildIds: boolean,
): ParseResult {
  const json = parseJsonRecord(record, MAX_STIX_DOCUMENT_BYTES);
  if (!json.ok) return json;
  const items = documentItems(json.value);
  if (!items.ok) return items;
  const rejections = new Rejections(position);
  const checked = checkItems(items.items, rejections);
  const graph = buildGraph(checked.objects);
  const alerts: ParsedAlert[] = [];
  const ignored = new Map<string, number>();
  const count = (key: string, by = 1) => ignored.set(key, (ignored.get(key) ?? 0) + by);
  if (checked.superseded > 0) count('older version', checked.superseded);
  for (const object of checked.objects) {
    const built = buildAlert(object, graph, trustLagebildIds);
    if (built === undefined) count(truncate(object.type, 64));
    else if (built.ok) alerts.push(built.alert);
    else rejections.add(checked.indexById.get(object.id) ?? -1, object, built.reason);
  }
  const { listed, unlisted } = rejections;
  return {
    ok: true,
    alerts,
    ...(ignored.size > 0 ? { ignored: Object.fromEntries(ignored) } : {}),
    ...(listed.length > 0 ? { rejected: listed } : {}),
    ...(unlisted > 0 ? { rejectedMore: unlisted } : {}),
  };
}

/** The alert an object makes, or undefined for object types that make none. */
function buildAlert(
  object: StixObject,
  graph: StixGraph,
  trustLagebildIds: boolean,
): BuildResult | undefined {
  switch (object.type) {
    case 'indicator':
      // A Lagebild export's indicator only summarises its sightings, which are the alerts.
      return isLagebildSummary(object) ? undefined : indicatorAlert(object, graph);
    case 'sighting':
      return sightingAlert(object, graph, trustLagebildIds);
    case 'observed-data':
      // A sighting of this observed data already stands for it.
      return graph.sightedObservedData.has(object.id) ? undefined : observationAlert(object, graph);
    default:
      return undefined;
  }
}
