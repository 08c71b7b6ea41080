/** How the incident views name the model's vocabularies. */
import type { IncidentFilter } from '../../shared/incident-filter';
import type { IncidentStatus } from '../../shared/vocab';

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  new: 'New',
  acknowledged: 'Acknowledged',
  investigating: 'Investigating',
  resolved: 'Resolved',
  'false-positive': 'False positive',
};

export const SORT_LABELS: Record<NonNullable<IncidentFilter['sort']>, string> = {
  lastSeen: 'Newest activity',
  firstSeen: 'Newest first seen',
  severity: 'Severity',
  alerts: 'Most alerts',
};

/** A sector id as a reader would write it: "financial-services" → "Financial services". */
export function sectorLabel(sector: string): string {
  const words = sector.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
