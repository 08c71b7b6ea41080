/** The open incidents, most severe first, refreshed as alerts arrive. */
import type { ReactElement } from 'react';
import { useLiveQuery } from '../api/use-live-query';
import { STATUS_LABELS } from '../incidents/labels';
import { formatTime } from '../panel/format';
import { useAppStore } from '../store/use-app-store';

const SHOWN = 10;
const REFRESH_MS = 5000;

export function TopIncidents(): ReactElement {
  // In a replay, the incidents active in its window.
  const range = useAppStore((state) => state.range);
  const incidents =
    useLiveQuery(
      'listIncidents',
      (api) =>
        api.call('listIncidents', {
          status: ['new', 'acknowledged', 'investigating'],
          sort: 'severity',
          limit: SHOWN,
          ...range,
        }),
      REFRESH_MS,
      [range?.from, range?.to],
    ) ?? [];
  return (
    <ol className="wall-incidents" data-testid="wall-incidents">
      {incidents.length === 0 && <li className="empty">No open incident.</li>}
      {incidents.map((incident) => (
        <li key={incident.id} className={`sev-${incident.severity}`}>
          <span className="incident-severity">{incident.severity}</span>
          <span className="wall-incident-title">{incident.title}</span>
          <span className="wall-incident-meta">
            {STATUS_LABELS[incident.status]} · {incident.alerts} alert
            {incident.alerts === 1 ? '' : 's'} · {formatTime(incident.lastSeen)}
            {incident.countries.length > 0 && ` · ${incident.countries.slice(0, 3).join(' ')}`}
          </span>
        </li>
      ))}
    </ol>
  );
}
