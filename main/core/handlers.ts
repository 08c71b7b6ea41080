/**
 * What each API method does, given a validated request. Kept apart from
 * validation and transport so each method reads as one line of intent.
 */
import type { NotifyLevel } from '../../shared/notable';
import { DEFAULT_SECTOR_WINDOW_MINUTES } from '../../shared/sector-window';
import type { ApiHandlers } from './api-endpoint';
import type { DeltaPublisher } from './delta-publisher';
import { scopedLogger } from './log';
import { ceilingOf, visibleAlerts, visibleIncidents, visibleLevels } from './client-view';
import { localUser } from './local-user';
import { appVersion } from './version';
import type { AlertCache } from '../store/alert-cache';

const rendererLog = scopedLogger('renderer');

/** What the handlers read from. */
export interface HandlerDeps {
  cache: AlertCache;
  publisher: DeltaPublisher;
  readOnly: boolean;
  notifyFrom: NotifyLevel;
}

// Changes are signed with the name of the user running the core: a serve
// mode client has no identity of its own to offer that could be trusted.
const changedBy = () => ({ author: localUser(), now: Date.now() });

/** The handler of every method of the contract. */
export function createHandlers({
  cache,
  publisher,
  readOnly,
  notifyFrom,
}: HandlerDeps): ApiHandlers {
  return {
    getInfo: (_params, client) => ({
      version: appVersion(),
      readOnly: readOnly || client.readOnly,
      profile: client.wall?.name,
      notifyFrom,
    }),
    getPicture: (_params, client) => publisher.picture(ceilingOf(client)),
    listRecentAlerts: ({ limit }, client) =>
      visibleAlerts(cache.recentAlerts(limit, ceilingOf(client)), client),
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
    // PENDING: placeholders while this session's helpers build them; none may remain at commit.
    listAlertsBetween: () => {
      throw new Error('PENDING listAlertsBetween');
    },
    getCacheInfo: () => {
      throw new Error('PENDING getCacheInfo');
    },
    compactCache: () => {
      throw new Error('PENDING compactCache');
    },
    exportSelection: () => {
      throw new Error('PENDING exportSelection');
    },
    listShareDestinations: () => {
      throw new Error('PENDING listShareDestinations');
    },
    publishSelection: () => {
      throw new Error('PENDING publishSelection');
    },
    log: ({ level, scope, message }, client) => {
      rendererLog[level](`[${client.name}/${scope}] ${message}`);
      return null;
    },
  };
}
