/** The newest alerts running along the bottom of the wall. */
import type { ReactElement } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatRoute, formatTime } from '../panel/format';
import { useAppStore } from '../store/use-app-store';

const SHOWN = 12;

export function Ticker(): ReactElement {
  const alerts = useAppStore(useShallow((state) => state.alerts.slice(0, SHOWN)));
  return (
    <div className="wall-ticker" aria-label="Newest alerts" data-testid="wall-ticker">
      <ol>
        {alerts.map((alert) => (
          <li key={alert.id} className={`sev-${alert.severity}`} data-testid="ticker-alert">
            <span className="ticker-severity">{alert.severity}</span>
            <span className="ticker-time">{formatTime(alert.observedAt)}</span>
            <span>{alert.title}</span>
            <span className="ticker-route">{formatRoute(alert)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
