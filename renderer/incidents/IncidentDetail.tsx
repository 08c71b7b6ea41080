/**
 * One incident: what it is, triage (status, assignee), its timeline with the
 * alerts of the brushed range beside it, and what analysts did and wrote.
 * Rendered with the incident's id as its key, so that the brush and the
 * drafts start afresh for each incident.
 */
import { useMemo, useState, type ReactElement } from 'react';
import type { IncidentStatus } from '../../shared/vocab';
import { INCIDENT_STATUSES } from '../../shared/vocab';
import { useApi } from '../api/api-context';
import type { IncidentsRoute } from '../route/route';
import { appStore, useAppStore } from '../store/use-app-store';
import { Activity } from './Activity';
import { addNote, setAssignee, setStatus } from './incident-actions';
import { ExportControl } from './ExportControl';
import { IncidentAlerts } from './IncidentAlerts';
import { STATUS_LABELS, sectorLabel } from './labels';
import { Timeline } from './Timeline';
import { incidentSpan } from './timeline-buckets';

/** The shortcut of each status that has one. */
const STATUS_KEYS: Partial<Record<IncidentStatus, string>> = {
  acknowledged: 'a',
  investigating: 'i',
  resolved: 'r',
  'false-positive': 'f',
};

export function IncidentDetail({
  route,
  readOnly,
}: {
  route: IncidentsRoute;
  readOnly: boolean;
}): ReactElement {
  const api = useApi();
  const detail = useAppStore((state) => state.detail);
  const alerts = useAppStore((state) => state.detailAlerts);
  const triageError = useAppStore((state) => state.triageError);
  const missing = useAppStore((state) => state.missingIncident);
  const [brush, setBrush] = useState<[number, number] | undefined>();
  const [assignee, setAssigneeDraft] = useState('');
  const incident = detail && detail.incident.id === route.incident ? detail.incident : undefined;
  const events = useMemo(() => (incident && detail ? detail.events : []), [incident, detail]);

  // A new assignee set elsewhere (another analyst, the list) replaces the draft.
  const [savedAssignee, setSavedAssignee] = useState(incident?.assignee);
  if (savedAssignee !== incident?.assignee) {
    setSavedAssignee(incident?.assignee);
    setAssigneeDraft(incident?.assignee ?? '');
  }

  const limits = useMemo(() => {
    if (!incident) return undefined;
    const lastEvent = events.reduce(
      (latest, event) => Math.max(latest, event.at),
      incident.lastSeen,
    );
    return incidentSpan(incident.firstSeen, lastEvent);
  }, [incident, events]);
  const shownAlerts = useMemo(
    () =>
      brush
        ? alerts.filter((alert) => alert.observedAt >= brush[0] && alert.observedAt <= brush[1])
        : alerts,
    [alerts, brush],
  );

  if (!incident || !limits) {
    return (
      <section className="incident-detail" data-testid="incident-detail">
        <p className="empty">
          {missing === route.incident
            ? 'No incident with this id is in the cache: the link may be from another cache.'
            : 'Loading the incident…'}
        </p>
      </section>
    );
  }
  const id = incident.id;
  return (
    <section className="incident-detail" data-testid="incident-detail" data-incident={id}>
      <header className={`detail-header sev-${incident.severity}`}>
        <span className="incident-severity">{incident.severity}</span>
        <h2 data-testid="incident-title">{incident.title}</h2>
        <span className={`status-pill status-${incident.status}`} data-testid="incident-status">
          {STATUS_LABELS[incident.status]}
        </span>
        <span className={`tlp-badge tlp-${incident.tlp.replace('+', '-')}`}>
          TLP:{incident.tlp.toUpperCase()}
        </span>
        <ExportControl scope={{ incidentIds: [id] }} label="Export this incident" />
      </header>
      <dl className="detail-facts">
        <dt>Seen</dt>
        <dd>
          {new Date(incident.firstSeen).toLocaleString()} –{' '}
          {new Date(incident.lastSeen).toLocaleString()}
        </dd>
        {incident.signature && (
          <>
            <dt>Signature</dt>
            <dd>{incident.signature}</dd>
          </>
        )}
        <dt>Target</dt>
        <dd>{incident.target ?? 'unknown'}</dd>
        <dt>Source</dt>
        <dd>
          {incident.sourceNetwork ?? 'unknown'}
          {incident.countries.length > 0 && ` · ${incident.countries.join(' ')}`}
        </dd>
        <dt>Sectors</dt>
        <dd>
          {incident.sectors.length ? incident.sectors.map(sectorLabel).join(', ') : 'unknown'}
        </dd>
        <dt>Feeds</dt>
        <dd>{incident.feeds.join(', ')}</dd>
      </dl>
      {!readOnly && (
        <div className="triage" role="group" aria-label="Triage">
          {INCIDENT_STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              aria-pressed={incident.status === status}
              onClick={() => void setStatus(api, appStore, id, status)}
            >
              {STATUS_LABELS[status]}
              {STATUS_KEYS[status] && <kbd>{STATUS_KEYS[status]}</kbd>}
            </button>
          ))}
          <form
            className="assignee-form"
            onSubmit={(event) => {
              event.preventDefault();
              void setAssignee(api, appStore, id, assignee.trim());
            }}
          >
            <input
              aria-label="Assignee"
              placeholder="Assignee"
              maxLength={100}
              value={assignee}
              onChange={(event) => setAssigneeDraft(event.target.value)}
            />
            <button type="submit" disabled={assignee.trim() === (incident.assignee ?? '')}>
              Assign
            </button>
          </form>
        </div>
      )}
      {triageError && (
        <p className="triage-error" role="alert">
          {triageError}
        </p>
      )}
      <Timeline
        key={id}
        alerts={alerts}
        events={events}
        limits={limits}
        brush={brush}
        onBrush={setBrush}
      />
      <div className="detail-columns">
        <IncidentAlerts alerts={shownAlerts} route={route} total={incident.alerts} />
        <Activity
          events={events}
          readOnly={readOnly}
          onNote={(text) => addNote(api, appStore, id, text)}
        />
      </div>
    </section>
  );
}
