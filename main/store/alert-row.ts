/**
 * Mapping between the normalized Alert and its row: codes for vocabularies,
 * interned texts, coordinates in 1e-4 degrees, JSON for sectors and tags.
 */
import type { Alert, Endpoint } from '../../shared/model';
import { severityRank, type Sector } from '../../shared/vocab';
import {
  ADDRESS_CLASS_CODES,
  GEO_SOURCE_CODES,
  KIND_CODES,
  SEVERITY_CODES,
  TLP_CODES,
  fromCode,
  toCode,
} from './codes';
import type { TextInterner } from './texts';

type Side = 'src' | 'dst';

/** A row of `alert_view` as better-sqlite3 returns it. */
export type AlertRow = Record<string, string | number | Uint8Array | null>;

/** A raw record as stored: deflated, with the dictionary it needs. */
export interface StoredRaw {
  dict: number;
  blob: Buffer;
}

const ENDPOINT_FIELDS = [
  'ip',
  'port',
  'hostname',
  'class',
  'country',
  'asn',
  'as_org',
  'lat_e4',
  'lon_e4',
  'geo_source',
  'site',
  'organisation',
];

const endpointColumns = (side: Side): string[] => ENDPOINT_FIELDS.map((f) => `${side}_${f}`);

const DESCRIPTIVE_COLUMNS = [
  'id',
  'feed',
  'kind',
  'observed_at',
  'received_at',
  'severity',
  'title',
  'category',
  'signature',
  ...endpointColumns('src'),
  ...endpointColumns('dst'),
  'sectors',
  'tlp',
  'tags',
  'incident_id',
];

const INSERT_COLUMNS = [...DESCRIPTIVE_COLUMNS, 'raw_dict', 'raw'];

/** Inserts one alert; the schema's trigger skips it (0 changes) when its id is stored. */
export const INSERT_ALERT_SQL = `INSERT INTO alerts (${INSERT_COLUMNS.join(', ')})
  VALUES (${INSERT_COLUMNS.map((column) => `@${column}`).join(', ')})`;

/** The `alert_view` columns an Alert is read from (everything but the raw record). */
export const ALERT_VIEW_COLUMNS = ['seq', ...DESCRIPTIVE_COLUMNS].join(', ');

const toE4 = (degrees: number | undefined): number | null =>
  degrees === undefined ? null : Math.round(degrees * 1e4);

function optionalCode<T>(codes: readonly T[], value: T | undefined): number | null {
  return value === undefined ? null : toCode(codes, value);
}

function endpointParams(side: Side, endpoint: Endpoint = {}, texts: TextInterner) {
  return {
    [`${side}_ip`]: endpoint.ip ?? null,
    [`${side}_port`]: endpoint.port ?? null,
    [`${side}_hostname`]: endpoint.hostname ?? null,
    [`${side}_class`]: optionalCode(ADDRESS_CLASS_CODES, endpoint.addressClass),
    [`${side}_country`]: endpoint.country ?? null,
    [`${side}_asn`]: endpoint.asn ?? null,
    [`${side}_as_org`]: texts.optionalId(endpoint.asOrg),
    [`${side}_lat_e4`]: toE4(endpoint.lat),
    [`${side}_lon_e4`]: toE4(endpoint.lon),
    [`${side}_geo_source`]: optionalCode(GEO_SOURCE_CODES, endpoint.geoSource),
    [`${side}_site`]: texts.optionalId(endpoint.site),
    [`${side}_organisation`]: texts.optionalId(endpoint.organisation),
  };
}

const jsonListId = (list: readonly string[], texts: TextInterner): number | null =>
  list.length === 0 ? null : texts.id(JSON.stringify(list));

/** The named parameters of INSERT_ALERT_SQL for one alert of feed number `feed`. */
export function alertParams(alert: Alert, feed: number, texts: TextInterner, raw: StoredRaw) {
  return {
    id: alert.id,
    feed,
    kind: toCode(KIND_CODES, alert.kind),
    observed_at: alert.observedAt,
    received_at: alert.receivedAt,
    severity: severityRank(alert.severity),
    title: texts.id(alert.title),
    category: texts.id(alert.category),
    signature: texts.optionalId(alert.signature),
    ...endpointParams('src', alert.source, texts),
    ...endpointParams('dst', alert.destination, texts),
    sectors: jsonListId(alert.sectors, texts),
    tlp: toCode(TLP_CODES, alert.tlp),
    tags: jsonListId(alert.tags, texts),
    incident_id: alert.incidentId ?? null,
    raw_dict: raw.dict,
    raw: raw.blob,
  };
}

function text(row: AlertRow, column: string): string | undefined {
  const value = row[column];
  return typeof value === 'string' ? value : undefined;
}

function integer(row: AlertRow, column: string): number | undefined {
  const value = row[column];
  return typeof value === 'number' ? value : undefined;
}

function required<T>(value: T | undefined, column: string): T {
  if (value === undefined) throw new Error(`alert row lacks ${column}`);
  return value;
}

/** The object without its undefined properties, as JSON would carry it. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function endpointFromRow(row: AlertRow, side: Side): Endpoint | undefined {
  const at = (field: string) => `${side}_${field}`;
  const code = (field: string) => integer(row, at(field));
  const lat = code('lat_e4');
  const lon = code('lon_e4');
  const addressClass = code('class');
  const geoSource = code('geo_source');
  const endpoint = compact({
    ip: text(row, at('ip')),
    port: code('port'),
    hostname: text(row, at('hostname')),
    addressClass:
      addressClass === undefined ? undefined : fromCode(ADDRESS_CLASS_CODES, addressClass),
    country: text(row, at('country')),
    asn: code('asn'),
    asOrg: text(row, at('as_org')),
    lat: lat === undefined ? undefined : lat / 1e4,
    lon: lon === undefined ? undefined : lon / 1e4,
    geoSource: geoSource === undefined ? undefined : fromCode(GEO_SOURCE_CODES, geoSource),
    site: text(row, at('site')),
    organisation: text(row, at('organisation')),
  });
  return Object.keys(endpoint).length === 0 ? undefined : endpoint;
}

const jsonList = (json: string | undefined): string[] =>
  json === undefined ? [] : (JSON.parse(json) as string[]);

/** The Alert an `alert_view` row holds. */
export function alertFromRow(row: AlertRow): Alert {
  return compact({
    id: required(text(row, 'id'), 'id'),
    feed: required(text(row, 'feed'), 'feed'),
    kind: fromCode(KIND_CODES, required(integer(row, 'kind'), 'kind')),
    observedAt: required(integer(row, 'observed_at'), 'observed_at'),
    receivedAt: required(integer(row, 'received_at'), 'received_at'),
    severity: fromCode(SEVERITY_CODES, required(integer(row, 'severity'), 'severity')),
    title: required(text(row, 'title'), 'title'),
    category: required(text(row, 'category'), 'category'),
    source: endpointFromRow(row, 'src'),
    destination: endpointFromRow(row, 'dst'),
    sectors: jsonList(text(row, 'sectors')) as Sector[],
    tlp: fromCode(TLP_CODES, required(integer(row, 'tlp'), 'tlp')),
    tags: jsonList(text(row, 'tags')),
    signature: text(row, 'signature'),
    incidentId: text(row, 'incident_id'),
  });
}
