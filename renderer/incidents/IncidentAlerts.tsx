/**
 * The open incident's alerts, in observed order, limited to the brushed
 * range when there is one. Virtualized: an incident can hold ten thousand.
 * A click shows the alert's raw record.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactElement } from 'react';
import type { Alert } from '../../shared/model';
import { formatRoute } from '../panel/format';
import { navigate } from '../route/use-route';
import type { IncidentsRoute } from '../route/route';

const ROW_PX = 30;

const stamp = new Intl.DateTimeFormat(undefined, {
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

export function IncidentAlerts({
  alerts,
  route,
  total,
}: {
  alerts: readonly Alert[];
  route: IncidentsRoute;
  /** How many alerts the incident has, of which `alerts` may be a part. */
  total: number;
}): ReactElement {
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer's functions change every render by design; nothing memoizes them here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({
    count: alerts.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: 12,
  });
  return (
    <section className="incident-alerts" aria-label="Alerts of the incident">
      <h3 data-testid="incident-alerts-count">
        {alerts.length === total
          ? `${total} alert${total === 1 ? '' : 's'}`
          : `${alerts.length} of ${total} alerts`}
      </h3>
      <div className="incident-alerts-scroll" ref={scroller}>
        <ol style={{ height: rows.getTotalSize() }}>
          {rows.getVirtualItems().map((item) => {
            const alert = alerts[item.index];
            if (!alert) return null;
            return (
              <li
                key={alert.id}
                data-testid="incident-alert"
                className={`incident-alert sev-${alert.severity}${alert.id === route.alert ? ' open' : ''}`}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={() => navigate({ ...route, alert: alert.id })}
              >
                <time dateTime={new Date(alert.observedAt).toISOString()}>
                  {stamp.format(alert.observedAt)}
                </time>
                <span className="alert-severity">{alert.severity}</span>
                <span className="alert-title">{alert.title}</span>
                <span className="alert-route">{formatRoute(alert)}</span>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
