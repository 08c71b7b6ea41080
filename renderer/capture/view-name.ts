/**
 * The view part of a PNG's file name: what a reader of a report needs to
 * tell one picture from another (lagebild-incident-inc-42-…, lagebild-wall-
 * ops-region-europe-…). Turned into a safe file name by shared/snapshot.
 */
import type { PlaylistItem } from '../../shared/wall';
import type { Route } from '../route/route';

/** The analyst's view: the map, the sectors, the incident list or one incident. */
export function analystViewName(route: Route): string {
  if (route.view === 'incidents' && route.incident) return `incident-${route.incident}`;
  return route.view;
}

/** A wall's view: the wall's profile, then the playlist item it shows. */
export function wallViewName(profile: string, item: PlaylistItem | undefined): string {
  const view = item?.view ?? 'map';
  const region = view === 'region' && item?.region ? `-${item.region}` : '';
  return `wall-${profile}-${view}${region}`;
}
