import type { ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { timeModeOf } from '../store/time-slice';
import { useAppStore } from '../store/use-app-store';
import { AlertRow } from './AlertRow';

// The store keeps more; a panel of this length is what an operator scans.
const SHOWN = 100;

/** The newest alerts, newest first. */
export function RecentAlerts(): ReactElement {
  const alerts = useAppStore(useShallow((state) => state.alerts.slice(0, SHOWN)));
  const live = useAppStore((state) => timeModeOf(state) === 'live');
  return (
    <section className="recent" aria-label="Newest alerts">
      <h2>Newest alerts</h2>
      {alerts.length === 0 && (
        <p className="empty">{live ? 'No alerts yet.' : 'No alerts in this window.'}</p>
      )}
      <ol className="alert-list" data-testid="recent-alerts">
        {alerts.map((alert) => (
          <AlertRow key={alert.id} alert={alert} />
        ))}
      </ol>
    </section>
  );
}
