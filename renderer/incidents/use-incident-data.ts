/**
 * Keeps the incident views' data in step with the route and with live
 * changes: the list follows the filter, the detail the open incident, the
 * raw record the open alert. Live deltas refresh the list at most every
 * REFRESH_MS, and the open incident when one of its alerts arrived.
 */
import { useEffect } from 'react';
import { useApi } from '../api/api-context';
import { formatRoute, type IncidentsRoute } from '../route/route';
import { appStore } from '../store/use-app-store';
import { loadIncident, loadIncidents, loadRaw } from './incident-actions';

const REFRESH_MS = 2000;

/** Loads what `route` shows and refreshes it while it is shown. */
export function useIncidentData(route: IncidentsRoute): void {
  const api = useApi();
  const { filter, incident, alert } = route;
  // The filter as text: a new object with the same content is the same filter.
  const filterKey = formatRoute({ view: 'incidents', filter });

  useEffect(() => {
    void loadIncidents(api, appStore, filter);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let openChanged = false;
    const refresh = () => {
      timer = undefined;
      void loadIncidents(api, appStore, filter);
      if (openChanged && incident) void loadIncident(api, appStore, incident);
      openChanged = false;
    };
    const stop = api.on('delta', ({ added }) => {
      if (added.length === 0) return;
      if (incident && added.some((item) => item.incidentId === incident)) openChanged = true;
      timer ??= setTimeout(refresh, REFRESH_MS);
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
    // filterKey stands for filter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, filterKey, incident]);

  useEffect(() => {
    void loadIncident(api, appStore, incident);
  }, [api, incident]);

  useEffect(() => {
    void loadRaw(api, appStore, alert);
  }, [api, alert]);
}
