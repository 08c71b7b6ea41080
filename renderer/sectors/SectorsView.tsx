/** The analyst's sector view, over the map: a window to choose and every sector. */
import type { ReactElement } from 'react';
import type { IncidentFilter } from '../../shared/incident-filter';
import { navigate } from '../route/use-route';
import type { SectorsRoute } from '../route/route';
import { SectorGrid } from './SectorGrid';
import { useSectors } from './use-sectors';
import './sectors.css';

const WINDOWS: [label: string, minutes: number][] = [
  ['Last hour', 60],
  ['Last 24 hours', 24 * 60],
  ['Last 7 days', 7 * 24 * 60],
  ['Last 30 days', 30 * 24 * 60],
  ['All time', 0],
];

export function SectorsView({ route }: { route: SectorsRoute }): ReactElement {
  const { range } = route;
  const sectors = useSectors(route.windowMinutes, range);
  // A past window leads to the incidents of that window.
  const since = () =>
    range ?? (route.windowMinutes === 0 ? {} : { from: Date.now() - route.windowMinutes * 60_000 });
  const open = (sector: string) =>
    navigate({
      view: 'incidents',
      filter: { sector: sector as IncidentFilter['sector'], ...since() },
    });
  return (
    <section className="view-over-map sectors-view" data-testid="sectors-view" aria-label="Sectors">
      <div className="filter-bar">
        <div className="filter-row">
          <button type="button" className="back" onClick={() => navigate({ view: 'map' })}>
            ← Map
          </button>
          <h2>Sectors</h2>
          <select
            aria-label="Window"
            // The time control beside the map sets a past window; this one reaches back from now.
            disabled={range !== undefined}
            value={route.windowMinutes}
            onChange={(event) =>
              navigate({ view: 'sectors', windowMinutes: Number(event.target.value) })
            }
          >
            {WINDOWS.map(([label, minutes]) => (
              <option key={minutes} value={minutes}>
                {label}
              </option>
            ))}
            {!WINDOWS.some(([, minutes]) => minutes === route.windowMinutes) && (
              <option value={route.windowMinutes}>{route.windowMinutes} minutes</option>
            )}
          </select>
        </div>
      </div>
      {sectors ? <SectorGrid sectors={sectors} onOpen={open} /> : <p className="empty">Loading…</p>}
    </section>
  );
}
