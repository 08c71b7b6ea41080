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
import type { RawSlot } from './raw-block-commit';
import type { TextInterner } from './texts';

type Side = 'src' | 'dst';

/** A row of `alert_view` as better-sqlite3 returns it. */
export type AlertRow = Record<string, string | number | Uint8Array | null>;

// endpointValues writes the values in this order.
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
];

// alertValues writes the values in this order.
const INSERT_COLUMNS = [...DESCRIPTIVE_COLUMNS, 'incident', 'raw_block', 'raw_index'];

/** Inserts one alert; the schema's trigger skips it (0 changes) when its id is stored. */
export const INSERT_ALERT_SQL = `INSERT INTO alerts (${INSERT_COLUMNS.join(', ')})
  VALUES (${INSERT_COLUMNS.map(() => '?').join(', ')})`;

/** The `alert_view` columns an Alert is read from (everything but the raw record). */
export const ALERT_VIEW_COLUMNS = ['seq', ...DESCRIPTIVE_COLUMNS, 'incident_id'].join(', ');

const toE4 = (degrees: number | undefined): number | null =>
  degrees === undefined ? null : Math.round(degrees * 1e4);

function optionalCode<T>(codes: readonly T[], value: T | undefined): number | null {
  return value === undefined ? null : toCode(codes, value);
}

// Positional values, written straight into one array: named parameters cost
// a property lookup per column and an object with computed keys per alert.
function endpointValues(values: unknown[], endpoint: Endpoint | undefined, texts: TextInterner) {
  if (endpoint === undefined) {
    for (let i = 0; i < ENDPOINT_FIELDS.length; i += 1) values.push(null);
    return;
  }
  values.push(
    endpoint.ip ?? null,
    endpoint.port ?? null,
    texts.optionalId(endpoint.hostname),
    optionalCode(ADDRESS_CLASS_CODES, endpoint.addressClass),
    endpoint.country ?? null,
    endpoint.asn ?? null,
    texts.optionalId(endpoint.asOrg),
    toE4(endpoint.lat),
    toE4(endpoint.lon),
    optionalCode(GEO_SOURCE_CODES, endpoint.geoSource),
    texts.optionalId(endpoint.site),
    texts.optionalId(endpoint.organisation),
  );
}

const jsonListId = (list: readonly string[], texts: TextInterner): number | null =>
  list.length === 0 ? null : texts.id(JSON.stringify(list));

/**
 * The values of INSERT_ALERT_SQL for one alert of feed number `feed`, of
 * incident number `incident`, its raw record at `raw`.
 */
export function alertValues(
  alert: Alert,
  feed: number,
  incident: number,
  texts: TextInterner,
  raw: RawSlot,
) {
  const values: unknown[] = [
    alert.id,
    feed,
    toCode(KIND_CODES, alert.kind),
    alert.observedAt,
    alert.receivedAt,
    severityRank(alert.severity),
    texts.id(alert.title),
    texts.id(alert.category),
    texts.optionalId(alert.signature),
  ];
  endpointValues(values, alert.source, texts);
  endpointValues(values, alert.destination, texts);
  values.push(
    jsonListId(alert.sectors, texts),
    toCode(TLP_CODES, alert.tlp),
    jsonListId(alert.tags, texts),
    incident,
    raw.block,
    raw.index,
  );
  return values;
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
