/**
 * Where the analyst is, as the URL's hash: the map, the sectors, or the
 * incident list with its filter, one incident open and one of its alerts'
 * raw record.
 * Every step of a drill-down is a link that can be reopened.
 */
import { IncidentFilterSchema, type IncidentFilter } from '../../shared/api';
import { DEFAULT_SECTOR_WINDOW_MINUTES } from '../../shared/sector-window';

/** The incident list with its filter, an incident open in it, and one alert's raw record. */
export interface IncidentsRoute {
  view: 'incidents';
  filter: IncidentFilter;
  incident?: string;
  alert?: string;
}

/** Every sector at a glance, over a window ending now. */
export interface SectorsRoute {
  view: 'sectors';
  windowMinutes: number;
}

export type Route = { view: 'map' } | IncidentsRoute | SectorsRoute;

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

/** The route of a location hash such as `#/incidents?country=CN&incident=inc-…`. */
export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?', 2);
  const query = new URLSearchParams(search);
  if (path === '/sectors') {
    const minutes = Number(query.get('window'));
    // 0 is all time.
    const valid =
      query.has('window') && Number.isInteger(minutes) && minutes >= 0 && minutes <= 366 * 24 * 60;
    return { view: 'sectors', windowMinutes: valid ? minutes : DEFAULT_SECTOR_WINDOW };
  }
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

/** The location hash of `route`. */
export function formatRoute(route: Route): string {
  if (route.view === 'map') return '#/';
  if (route.view === 'sectors') return `#/sectors?window=${route.windowMinutes}`;
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
