/**
 * What the incident views ask of the main process: the filtered list, one
 * incident with its alerts, a raw record, and the triage changes. Results
 * land in the store; a refused or failed call is shown, never thrown.
 */
import type { IncidentDetail, LagebildApi } from '../../shared/api';
import type { IncidentFilter } from '../../shared/incident-filter';
import type { IncidentStatus } from '../../shared/vocab';
import { scopedLogger } from '../log';
import type { AppStore } from '../store/app-store';

const log = scopedLogger('incidents');

/** The most alerts of one incident the detail view reads. */
export const DETAIL_ALERTS = 10_000;
const LIST_LIMIT = 1000;

// The newest request of each kind: an answer to an older one that arrives
// later (filters changed quickly) is dropped instead of overwriting it.
const newest = { list: 0, incident: 0, raw: 0 };
const ask = (kind: keyof typeof newest) => {
  const ticket = ++newest[kind];
  return () => ticket === newest[kind];
};

/** Reloads the triage list for `filter`. */
export async function loadIncidents(
  api: LagebildApi,
  store: AppStore,
  filter: IncidentFilter,
): Promise<void> {
  const current = ask('list');
  const result = await api.call('listIncidents', { ...filter, limit: LIST_LIMIT });
  if (!current()) return;
  if (result.ok) store.getState().setIncidents(result.value);
  else log.warn(`listIncidents failed: ${result.error.message}`);
}

/** Opens incident `id` (or closes the detail when undefined). */
export async function loadIncident(
  api: LagebildApi,
  store: AppStore,
  id: string | undefined,
): Promise<void> {
  const current = ask('incident');
  if (id === undefined) {
    store.getState().setDetail(null);
    return;
  }
  const [detail, alerts] = await Promise.all([
    api.call('getIncident', { id }),
    api.call('listIncidentAlerts', { id, limit: DETAIL_ALERTS }),
  ]);
  if (!current()) return;
  if (!detail.ok || !alerts.ok) {
    const message = !detail.ok ? detail.error.message : !alerts.ok ? alerts.error.message : '';
    log.warn(`incident ${id} could not be read: ${message}`);
    return;
  }
  store.getState().setDetail(detail.value, alerts.value);
  if (detail.value === null) store.getState().setMissingIncident(id);
}

/** Shows alert `id`'s raw record (or hides it when undefined). */
export async function loadRaw(
  api: LagebildApi,
  store: AppStore,
  id: string | undefined,
): Promise<void> {
  const current = ask('raw');
  if (id === undefined) {
    store.getState().setRaw(null);
    return;
  }
  const result = await api.call('getAlert', { id });
  if (!current()) return;
  if (result.ok) store.getState().setRaw(result.value);
  else log.warn(`getAlert failed: ${result.error.message}`);
}

function applyChange(store: AppStore, detail: IncidentDetail | null, what: string): void {
  if (!detail) {
    store.getState().setTriageError(`${what}: the incident is gone`);
    return;
  }
  const { incidents, detailAlerts, detail: open } = store.getState();
  store.getState().setTriageError(undefined);
  store
    .getState()
    .setIncidents(incidents.map((row) => (row.id === detail.incident.id ? detail.incident : row)));
  if (open?.incident.id === detail.incident.id) store.getState().setDetail(detail, detailAlerts);
}

/** Sets incident `id`'s status. */
export async function setStatus(
  api: LagebildApi,
  store: AppStore,
  id: string,
  status: IncidentStatus,
): Promise<void> {
  const result = await api.call('updateIncident', { id, status });
  if (result.ok) applyChange(store, result.value, `status ${status}`);
  else store.getState().setTriageError(result.error.message);
}

/** Sets incident `id`'s assignee ("" for none). */
export async function setAssignee(
  api: LagebildApi,
  store: AppStore,
  id: string,
  assignee: string,
): Promise<void> {
  const result = await api.call('updateIncident', { id, assignee });
  if (result.ok) applyChange(store, result.value, 'assignee');
  else store.getState().setTriageError(result.error.message);
}

/** Adds a note to incident `id`. */
export async function addNote(
  api: LagebildApi,
  store: AppStore,
  id: string,
  text: string,
): Promise<boolean> {
  const result = await api.call('addIncidentNote', { id, text });
  if (result.ok) applyChange(store, result.value, 'note');
  else store.getState().setTriageError(result.error.message);
  return result.ok;
}
