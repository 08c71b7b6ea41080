/**
 * Where the analyst is, as the URL's hash: the map, the sectors, or the
 * incident list with its filter, one incident open and one of its alerts'
 * raw record.
 * Every step of a drill-down is a link that can be reopened, and so is a
 * past window of observed time (`from` and `to`, ms since the epoch): the
 * map and the sectors carry it as their `range`, the incident list as its
 * filter's `from` and `to`.
 */
import { isInstant } from '../../shared/instant';
import { IncidentFilterSchema, type IncidentFilter } from '../../shared/incident-filter';
import { DEFAULT_SECTOR_WINDOW_MINUTES } from '../../shared/sector-window';

/** The incident list with its filter, an incident open in it, and one alert's raw record. */
export interface IncidentsRoute {
  view: 'incidents';
  filter: IncidentFilter;
  incident?: string;
  alert?: string;
}

/** A past window of observed time, ms since the epoch, `from` <= `to`. */
export interface TimeRange {
  from: number;
  to: number;
}

/** The map, live or as it was in a past window. */
export interface MapRoute {
  view: 'map';
  range?: TimeRange;
}

/** Every sector at a glance, over a window ending now, or over a past window. */
export interface SectorsRoute {
  view: 'sectors';
  windowMinutes: number;
  range?: TimeRange;
}

/** The cache file, its retention and compaction. */
export interface SettingsRoute {
  view: 'settings';
}

export type Route = MapRoute | IncidentsRoute | SectorsRoute | SettingsRoute;

/** The sector view's window when the link names none. */
export const DEFAULT_SECTOR_WINDOW = DEFAULT_SECTOR_WINDOW_MINUTES;

export const MAP_ROUTE: Route = { view: 'map' };

// Filter keys whose value is a list, written comma-separated.
const LIST_KEYS = ['status', 'severity', 'tlp'] as const;
const TEXT_KEYS = ['sector', 'country', 'feed', 'text', 'sort'] as const;
const NUMBER_KEYS = ['from', 'to'] as const;

/** The filter a query string describes; what does not fit the contract is left out. */
function filterFrom(query: URLSearchParams): IncidentFilter {
  const candidate: Record<string, unknown> = {};
  for (const key of LIST_KEYS) {
    const value = query.get(key);
    if (value) candidate[key] = value.split(',');
  }
  for (const key of TEXT_KEYS) {
    const value = query.get(key);
    if (value) candidate[key] = value;
  }
  for (const key of NUMBER_KEYS) {
    const value = Number(query.get(key) ?? Number.NaN);
    if (Number.isSafeInteger(value)) candidate[key] = value;
  }
  // Each key alone, so that one bad value drops only itself.
  const filter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(candidate)) {
    if (IncidentFilterSchema.safeParse({ [key]: value }).success) filter[key] = value;
  }
  return filter as IncidentFilter;
}

/** A time in a link: a whole, non-negative number of ms since the epoch. */
function instantFrom(text: string | null): number | undefined {
  if (text === null || !/^\d{1,16}$/.test(text)) return undefined;
  const value = Number(text);
  return isInstant(value) ? value : undefined;
}

/** The window a query string names with `from` and `to`; none unless both fit. */
export function rangeFrom(query: URLSearchParams): TimeRange | undefined {
  const from = instantFrom(query.get('from'));
  const to = instantFrom(query.get('to'));
  return from !== undefined && to !== undefined && from <= to ? { from, to } : undefined;
}

const withOptionalRange = (range: TimeRange | undefined) => (range ? { range } : {});

/** The route of a location hash such as `#/incidents?country=CN&incident=inc-…`. */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?', 2);
  const query = new URLSearchParams(search);
  if (path === '/sectors') {
    const minutes = Number(query.get('window'));
    // 0 is all time.
    const valid =
      query.has('window') && Number.isInteger(minutes) && minutes >= 0 && minutes <= 366 * 24 * 60;
    return {
      view: 'sectors',
      windowMinutes: valid ? minutes : DEFAULT_SECTOR_WINDOW,
      ...withOptionalRange(rangeFrom(query)),
    };
  }
  if (path === '/settings') return { view: 'settings' };
  if (path === '/') return { view: 'map', ...withOptionalRange(rangeFrom(query)) };
  if (path !== '/incidents') return MAP_ROUTE;
  const incident = query.get('incident') ?? undefined;
  const alert = query.get('alert') ?? undefined;
  return {
    view: 'incidents',
    filter: filterFrom(query),
    ...(incident ? { incident } : {}),
    ...(incident && alert ? { alert } : {}),
  };
}

const rangeQuery = (range: TimeRange | undefined) =>
  range ? `from=${range.from}&to=${range.to}` : '';

/** The location hash of `route`. */
export function formatRoute(route: Route): string {
  if (route.view === 'map') return route.range ? `#/?${rangeQuery(route.range)}` : '#/';
  if (route.view === 'settings') return '#/settings';
  if (route.view === 'sectors') {
    const range = route.range ? `&${rangeQuery(route.range)}` : '';
    return `#/sectors?window=${route.windowMinutes}${range}`;
  }
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(route.filter)) {
    if (value === undefined || key === 'limit') continue;
    query.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  if (route.incident) query.set('incident', route.incident);
  if (route.incident && route.alert) query.set('alert', route.alert);
  const search = query.toString();
  return `#/incidents${search ? `?${search}` : ''}`;
}

/** The past window `route` shows; undefined for the live picture. */
export function rangeOf(route: Route): TimeRange | undefined {
  if (route.view === 'map' || route.view === 'sectors') return route.range;
  if (route.view !== 'incidents') return undefined;
  const { from, to } = route.filter;
  return from !== undefined && to !== undefined && from <= to ? { from, to } : undefined;
}

/** True when `route` names a time of its own: a window, or an incident filter's time. */
function namesTime(route: Route): boolean {
  if (route.view === 'incidents')
    return route.filter.from !== undefined || route.filter.to !== undefined;
  return rangeOf(route) !== undefined;
}

/** `route` over `range`, or live (no window) for undefined. */
export function withRange(route: Route, range: TimeRange | undefined): Route {
  if (route.view === 'map') return { view: 'map', ...withOptionalRange(range) };
  if (route.view === 'sectors') {
    return { view: 'sectors', windowMinutes: route.windowMinutes, ...withOptionalRange(range) };
  }
  if (route.view !== 'incidents') return route;
  const filter: IncidentFilter = { ...route.filter };
  delete filter.from;
  delete filter.to;
  return { ...route, filter: range ? { ...filter, ...range } : filter };
}

/**
 * `route` with the window being shown, unless it names a time of its own:
 * moving between views keeps the analyst in the past they chose.
 */
export function carryRange(route: Route, range: TimeRange | undefined): Route {
  return range && !namesTime(route) ? withRange(route, range) : route;
}
