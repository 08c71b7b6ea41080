import type { StateCreator } from 'zustand';
import type { IncidentDetail } from '../../shared/api';
import type { Alert, AlertDetail, Incident } from '../../shared/model';
import type { AppState } from './app-state';

/** The triage list, the incident open in it, and the raw record shown. */
export interface IncidentsSlice {
  incidents: Incident[];
  /** The row the keyboard is on. */
  cursor: number;
  detail: IncidentDetail | null;
  /** The open incident's alerts, in observed order. */
  detailAlerts: Alert[];
  raw: AlertDetail | null;
  /** The incident id asked for that the cache does not have (a stale link). */
  missingIncident: string | undefined;
  /** What went wrong with the last triage call, shown until the next one. */
  triageError: string | undefined;
  setIncidents(incidents: Incident[]): void;
  moveCursor(by: number): void;
  setCursor(index: number): void;
  setDetail(detail: IncidentDetail | null, alerts?: Alert[]): void;
  setMissingIncident(id: string | undefined): void;
  setRaw(raw: AlertDetail | null): void;
  setTriageError(message: string | undefined): void;
}

const clamp = (index: number, length: number) => Math.max(0, Math.min(index, length - 1));

/** Creates the incidents slice, empty until the list is first loaded. */
export const createIncidentsSlice: StateCreator<AppState, [], [], IncidentsSlice> = (set) => ({
  incidents: [],
  cursor: 0,
  detail: null,
  detailAlerts: [],
  raw: null,
  missingIncident: undefined,
  triageError: undefined,
  setIncidents: (incidents) =>
    set(({ cursor, incidents: before, detail }) => {
      // The open incident's fresh row replaces the one the detail showed.
      const fresh = detail && incidents.find((incident) => incident.id === detail.incident.id);
      // The highlight stays on its incident when a refresh moves it: a key
      // pressed a moment later must act on the incident the analyst looked at.
      const highlighted = before[cursor]?.id;
      const kept = incidents.findIndex((incident) => incident.id === highlighted);
      return {
        incidents,
        cursor: kept >= 0 ? kept : clamp(cursor, incidents.length),
        ...(fresh ? { detail: { ...detail, incident: fresh } } : {}),
      };
    }),
  moveCursor: (by) =>
    set(({ cursor, incidents }) => ({ cursor: clamp(cursor + by, incidents.length) })),
  setCursor: (index) => set(({ incidents }) => ({ cursor: clamp(index, incidents.length) })),
  setDetail: (detail, alerts = []) =>
    set({ detail, detailAlerts: alerts, missingIncident: undefined }),
  setMissingIncident: (missingIncident) => set({ missingIncident }),
  setRaw: (raw) => set({ raw }),
  setTriageError: (triageError) => set({ triageError }),
});
