import { memo, type ReactElement } from 'react';
import type { Alert } from '../../shared/model';
import { navigate } from '../route/use-route';
import { formatRoute, formatTime } from './format';

/** One alert in the list: severity, time, title and route; a click opens its incident. */
export const AlertRow = memo(function AlertRow({ alert }: { alert: Alert }): ReactElement {
  const incident = alert.incidentId;
  const open = incident
    ? () => navigate({ view: 'incidents', filter: {}, incident, alert: alert.id })
    : undefined;
  return (
    <li
      data-testid="alert-row"
      className={`alert-row sev-${alert.severity}${open ? ' linked' : ''}`}
      onClick={open}
    >
      <span className="alert-severity">{alert.severity}</span>
      <time className="alert-time" dateTime={new Date(alert.observedAt).toISOString()}>
        {formatTime(alert.observedAt)}
      </time>
      <span className="alert-route">{formatRoute(alert)}</span>
      <span className="alert-title">{alert.title}</span>
    </li>
  );
});
