/**
 * The analyst's incident workspace, over the map: filters, the triage list,
 * the open incident and, on demand, one alert's raw record.
 */
import { useState, type ReactElement } from 'react';
import type { IncidentsRoute } from '../route/route';
import { useAppStore } from '../store/use-app-store';
import { FilterBar } from './FilterBar';
import { HelpOverlay } from './HelpOverlay';
import { IncidentDetail } from './IncidentDetail';
import { IncidentList } from './IncidentList';
import { RawRecord } from './RawRecord';
import { useIncidentData } from './use-incident-data';
import { useTriageKeys } from './use-triage-keys';
import './incidents.css';

export function IncidentsView({ route }: { route: IncidentsRoute }): ReactElement {
  const readOnly = useAppStore((state) => state.info?.readOnly ?? true);
  const [help, setHelp] = useState(false);
  useIncidentData(route);
  useTriageKeys(readOnly, help, setHelp);
  return (
    <section className="view-over-map" data-testid="incidents-view" aria-label="Incidents">
      <FilterBar route={route} />
      <div className="incidents-body">
        <IncidentList route={route} />
        {route.incident ? (
          <IncidentDetail key={route.incident} route={route} readOnly={readOnly} />
        ) : (
          <p className="empty incident-hint">
            Choose an incident: click it, or move with <kbd>j</kbd>/<kbd>k</kbd> and press{' '}
            <kbd>Enter</kbd>. <kbd>?</kbd> lists every key.
          </p>
        )}
      </div>
      {route.incident && route.alert && <RawRecord route={route} />}
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </section>
  );
}
