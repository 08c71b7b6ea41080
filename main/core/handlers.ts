/**
 * What each API method does, given a validated request. Kept apart from
 * validation and transport so each method reads as one line of intent.
 */
import type { NotifyLevel } from '../../shared/notable';
import { DEFAULT_SECTOR_WINDOW_MINUTES } from '../../shared/sector-window';
import type { ApiHandlers } from './api-endpoint';
import { cacheInfo, compactCache, type CacheInfoDeps } from './cache-info';
import type { DeltaPublisher } from './delta-publisher';
import { scopedLogger } from './log';
import { ceilingOf, visibleAlerts, visibleIncidents, visibleLevels } from './client-view';
import { localUser } from './local-user';
import { observedWindow } from './observed-window';
import { appVersion } from './version';
import type { AlertCache } from '../store/alert-cache';
import type { SharingConfig } from './sharing-config';
import { exportSelection } from '../export/export-file';
import { publishSelection, shareDestinations, withinCeiling } from '../export/sharing';

const rendererLog = scopedLogger('renderer');

/** What the handlers read from. */
export interface HandlerDeps {
  cache: AlertCache;
  publisher: DeltaPublisher;
  readOnly: boolean;
  notifyFrom: NotifyLevel;
  /** The cache's state, limits and retention, for the settings view. */
  maintenance: CacheInfoDeps;
  /** Where and as whom incidents are shared; nothing configured when absent. */
  sharing?: SharingConfig;
}

const NO_SHARING: SharingConfig = { taxii: [] };

// Changes are signed with the name of the user running the core: a serve
// mode client has no identity of its own to offer that could be trusted.
const changedBy = () => ({ author: localUser(), now: Date.now() });

/** The handler of every method of the contract. */
export function createHandlers({
  cache,
  publisher,
  readOnly,
  notifyFrom,
  maintenance,
  sharing = NO_SHARING,
}: HandlerDeps): ApiHandlers {
  return {
    getInfo: (_params, client) => ({
      version: appVersion(),
      readOnly: readOnly || client.readOnly,
      profile: client.wall?.name,
      notifyFrom,
    }),
    getPicture: (range, client) => {
      const window = observedWindow(range, cache);
      const ceiling = ceilingOf(client);
      return window ? publisher.windowPicture(window, ceiling) : publisher.picture(ceiling);
    },
    listRecentAlerts: ({ limit, ...range }, client) => {
      const window = observedWindow(range, cache);
      const ceiling = ceilingOf(client);
      const alerts = window
        ? cache.alertsObserved(window, limit, ceiling)
        : cache.recentAlerts(limit, ceiling);
      return visibleAlerts(alerts, client);
    },
    getAlert: ({ id }) => cache.getAlert(id),
    listQuarantine: ({ limit }) => cache.listQuarantine(limit),
    listIncidents: (filter, client) => {
      const levels = visibleLevels(client);
      const tlp = (filter.tlp ?? levels).filter((level) => levels.includes(level));
      return tlp.length === 0 ? [] : visibleIncidents(cache.incidents({ ...filter, tlp }), client);
    },
    getSectors: ({ from, to, windowMinutes, buckets }, client) => {
      const end = to ?? Date.now();
      const window = windowMinutes ?? DEFAULT_SECTOR_WINDOW_MINUTES;
      // All time starts at the oldest alert the cache counts, so the sparkline spans the data.
      const start = from ?? (window === 0 ? cache.firstObserved() : end - window * 60_000);
      return cache.sectors({ from: start, to: Math.max(start, end), buckets }, ceilingOf(client));
    },
    getWall: (_params, client) => client.wall ?? null,
    getIncident: ({ id }) => cache.incident(id),
    listIncidentAlerts: ({ id, ...range }) => cache.incidentAlerts(id, range),
    updateIncident: ({ id, ...change }) => cache.updateIncident(id, change, changedBy()),
    addIncidentNote: ({ id, text }) => cache.addIncidentNote(id, text, changedBy()),
    listAlertsBetween: ({ limit, ...step }, client) =>
      visibleAlerts(cache.alertsBetween(step, limit, ceilingOf(client)), client),
    getCacheInfo: () => cacheInfo(maintenance),
    compactCache: () => compactCache(maintenance),
    exportSelection: ({ format, selection }, client) =>
      exportSelection(cache, format, withinCeiling(selection, ceilingOf(client)), {
        organisation: sharing.organisation,
      }),
    listShareDestinations: () => shareDestinations(sharing),
    publishSelection: ({ destination, selection }, client) =>
      publishSelection(cache, sharing, destination, withinCeiling(selection, ceilingOf(client))),
    log: ({ level, scope, message }, client) => {
      rendererLog[level](`[${client.name}/${scope}] ${message}`);
      return null;
    },
  };
}
