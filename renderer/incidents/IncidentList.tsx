/**
 * The triage list: every incident of the filter, virtualized so that a
 * thousand rows cost what twenty do. The keyboard's row is highlighted and
 * kept in view; a click opens the incident.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type ReactElement } from 'react';
import type { Incident } from '../../shared/model';
import { formatTime } from '../panel/format';
import { navigate } from '../route/use-route';
import type { IncidentsRoute } from '../route/route';
import { useAppStore } from '../store/use-app-store';
import { STATUS_LABELS } from './labels';

const ROW_PX = 58;

export function IncidentList({ route }: { route: IncidentsRoute }): ReactElement {
  const incidents = useAppStore((state) => state.incidents);
  const cursor = useAppStore((state) => state.cursor);
  const setCursor = useAppStore((state) => state.setCursor);
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer's functions change every render by design; nothing memoizes them here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const rows = useVirtualizer({
    count: incidents.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: 10,
  });

  useEffect(() => {
    if (incidents.length > 0) rows.scrollToIndex(cursor, { align: 'auto' });
  }, [cursor, incidents.length, rows]);

  // An incident opened from a link, a toast or the map gets the highlight once it is listed.
  const highlightedOpen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!route.incident || highlightedOpen.current === route.incident) return;
    const index = incidents.findIndex((incident) => incident.id === route.incident);
    if (index < 0) return;
    highlightedOpen.current = route.incident;
    setCursor(index);
  }, [route.incident, incidents, setCursor]);

  const open = (index: number, incident: Incident) => {
    setCursor(index);
    navigate({ view: 'incidents', filter: route.filter, incident: incident.id });
  };

  return (
    <div className="incident-list" ref={scroller} data-testid="incident-list" tabIndex={-1}>
      <p className="incident-list-count" data-testid="incident-count">
        {incidents.length === 1 ? '1 incident' : `${incidents.length} incidents`}
      </p>
      {incidents.length === 0 && <p className="empty">No incident matches these filters.</p>}
      <ol className="incident-rows" style={{ height: rows.getTotalSize() }}>
        {rows.getVirtualItems().map((item) => {
          const incident = incidents[item.index];
          if (!incident) return null;
          return (
            <IncidentRow
              key={incident.id}
              incident={incident}
              top={item.start}
              current={item.index === cursor}
              open={incident.id === route.incident}
              onOpen={() => open(item.index, incident)}
            />
          );
        })}
      </ol>
    </div>
  );
}

interface RowProps {
  incident: Incident;
  top: number;
  current: boolean;
  open: boolean;
  onOpen(): void;
}

const IncidentRow = memo(function IncidentRow({
  incident,
  top,
  current,
  open,
  onOpen,
}: RowProps): ReactElement {
  const classes = [
    'incident-row',
    `sev-${incident.severity}`,
    current && 'current',
    open && 'open',
  ];
  return (
    <li
      data-testid="incident-row"
      data-incident={incident.id}
      data-status={incident.status}
      aria-selected={current}
      className={classes.filter(Boolean).join(' ')}
      style={{ transform: `translateY(${top}px)` }}
      onClick={onOpen}
    >
      <span className="incident-severity">{incident.severity}</span>
      <span className="incident-title">{incident.title}</span>
      <span className={`status-pill status-${incident.status}`}>
        {STATUS_LABELS[incident.status]}
      </span>
      <span className="incident-meta">
        {incident.alerts} alert{incident.alerts === 1 ? '' : 's'} · last{' '}
        {formatTime(incident.lastSeen)}
        {incident.countries.length > 0 && ` · ${incident.countries.slice(0, 4).join(' ')}`}
        {incident.assignee && ` · ${incident.assignee}`}
      </span>
    </li>
  );
});
