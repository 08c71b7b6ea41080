/**
 * Mapping from the normalized Alert to its row: codes for vocabularies,
 * interned texts, coordinates in 1e-4 degrees, JSON for sectors and tags.
 * alert-read.ts maps the row back.
 */
import type { Alert, Endpoint } from '../../shared/model';
import { severityRank } from '../../shared/vocab';
import { ADDRESS_CLASS_CODES, GEO_SOURCE_CODES, KIND_CODES, TLP_CODES, toCode } from './codes';
import type { RawSlot } from './raw-block-commit';
import type { TextInterner } from './texts';

type Side = 'src' | 'dst';

/** An endpoint's columns after their side's prefix, in the order endpointValues writes them. */
export const ENDPOINT_FIELDS = [
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

/** The `alert_view` columns an Alert is read from (everything but the raw record), in order. */
export const ALERT_VIEW_COLUMN_NAMES: readonly string[] = [
  'seq',
  ...DESCRIPTIVE_COLUMNS,
  'incident_id',
];

/** ALERT_VIEW_COLUMN_NAMES as a select list. */
export const ALERT_VIEW_COLUMNS = ALERT_VIEW_COLUMN_NAMES.join(', ');

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
