/**
 * Mapping an alert_view row back to the normalized Alert. Rows are read in
 * better-sqlite3's raw mode, as arrays in ALERT_VIEW_COLUMNS order, and
 * mapped by position: a named row sets forty-odd properties on a new
 * object, and with the generic mapping that was most of the time of a
 * 10,000-alert incident timeline.
 */
import type { Alert, Endpoint } from '../../shared/model';
import type { Sector } from '../../shared/vocab';
import { ALERT_VIEW_COLUMN_NAMES, ENDPOINT_FIELDS } from './alert-row';
import {
  ADDRESS_CLASS_CODES,
  GEO_SOURCE_CODES,
  KIND_CODES,
  SEVERITY_CODES,
  TLP_CODES,
  fromCode,
} from './codes';

/** A raw row: the values of ALERT_VIEW_COLUMNS, then whatever else was selected. */
export type AlertValues = readonly unknown[];

function position(column: string): number {
  const index = ALERT_VIEW_COLUMN_NAMES.indexOf(column);
  if (index < 0) throw new Error(`alert_view columns lack ${column}`);
  return index;
}

const SEQ = position('seq');
const ID = position('id');
const FEED = position('feed');
const KIND = position('kind');
const OBSERVED_AT = position('observed_at');
const RECEIVED_AT = position('received_at');
const SEVERITY = position('severity');
const TITLE = position('title');
const CATEGORY = position('category');
const SIGNATURE = position('signature');
const SRC = position('src_ip');
const DST = position('dst_ip');
const SECTORS = position('sectors');
const TLP = position('tlp');
const TAGS = position('tags');
const INCIDENT_ID = position('incident_id');

/** Where the columns selected after ALERT_VIEW_COLUMNS start in a raw row. */
export const AFTER_ALERT_VIEW = ALERT_VIEW_COLUMN_NAMES.length;

type Read = (value: string | number) => unknown;

const same: Read = (value) => value;
const degrees: Read = (value) => (value as number) / 1e4;
const code =
  <T>(codes: readonly T[]): Read =>
  (value) =>
    fromCode(codes, value as number);

// The Endpoint property each endpoint column holds, and how its value reads.
const ENDPOINT_READS: Record<string, [key: keyof Endpoint, read: Read]> = {
  ip: ['ip', same],
  port: ['port', same],
  hostname: ['hostname', same],
  class: ['addressClass', code(ADDRESS_CLASS_CODES)],
  country: ['country', same],
  asn: ['asn', same],
  as_org: ['asOrg', same],
  lat_e4: ['lat', degrees],
  lon_e4: ['lon', degrees],
  geo_source: ['geoSource', code(GEO_SOURCE_CODES)],
  site: ['site', same],
  organisation: ['organisation', same],
};

const ENDPOINT_READERS = ENDPOINT_FIELDS.map((field) => {
  const reader = ENDPOINT_READS[field];
  if (!reader) throw new Error(`no reader for endpoint column ${field}`);
  return reader;
});

/** The endpoint whose columns start at `start`; undefined when all are NULL. */
function endpointAt(values: AlertValues, start: number): Endpoint | undefined {
  let endpoint: Record<string, unknown> | undefined;
  for (let i = 0; i < ENDPOINT_READERS.length; i += 1) {
    const value = values[start + i];
    if (value === null || value === undefined) continue;
    const [key, read] = ENDPOINT_READERS[i] as [keyof Endpoint, Read];
    (endpoint ??= {})[key] = read(value as string | number);
  }
  return endpoint as Endpoint | undefined;
}

function required<T extends 'string' | 'number'>(values: AlertValues, index: number, type: T) {
  const value = values[index];
  if (typeof value !== type) throw new Error(`alert row lacks ${ALERT_VIEW_COLUMN_NAMES[index]}`);
  return value as T extends 'string' ? string : number;
}

const optionalText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

const jsonList = (value: unknown): string[] =>
  typeof value === 'string' ? (JSON.parse(value) as string[]) : [];

/** The seq of a raw row. */
export const seqOf = (values: AlertValues): number => required(values, SEQ, 'number');

/** The Alert a raw alert_view row holds. */
export function alertFromValues(values: AlertValues): Alert {
  const source = endpointAt(values, SRC);
  const destination = endpointAt(values, DST);
  const signature = optionalText(values[SIGNATURE]);
  const incidentId = optionalText(values[INCIDENT_ID]);
  return {
    id: required(values, ID, 'string'),
    feed: required(values, FEED, 'string'),
    kind: fromCode(KIND_CODES, required(values, KIND, 'number')),
    observedAt: required(values, OBSERVED_AT, 'number'),
    receivedAt: required(values, RECEIVED_AT, 'number'),
    severity: fromCode(SEVERITY_CODES, required(values, SEVERITY, 'number')),
    title: required(values, TITLE, 'string'),
    category: required(values, CATEGORY, 'string'),
    ...(source && { source }),
    ...(destination && { destination }),
    sectors: jsonList(values[SECTORS]) as Sector[],
    tlp: fromCode(TLP_CODES, required(values, TLP, 'number')),
    tags: jsonList(values[TAGS]),
    ...(signature !== undefined && { signature }),
    ...(incidentId !== undefined && { incidentId }),
  };
}
