import type { ReactElement } from 'react';
import type { IncidentFilter } from '../../shared/incident-filter';
import { sectorLabel } from '../incidents/labels';
import { navigate } from '../route/use-route';
import { useAppStore } from '../store/use-app-store';

// The panel names the most hit sectors; the list of incidents has them all.
const SHOWN = 5;
// The counts here are of all time, and so is the view they lead to.
const ALL_TIME = 0;

/** The sectors with the most alerts; each is a way into its incidents. */
export function SectorList(): ReactElement {
  const bySector = useAppStore((state) => state.stats.bySector);
  const top = Object.entries(bySector)
    .filter(([, count]) => count > 0)
    .sort(([, a], [, b]) => b - a)
    .slice(0, SHOWN);
  return (
    <section className="sectors" aria-label="Sectors">
      <h2>
        Sectors hit
        <button
          type="button"
          className="section-link"
          data-testid="open-sectors"
          onClick={() => navigate({ view: 'sectors', windowMinutes: ALL_TIME })}
        >
          all sectors →
        </button>
      </h2>
      {top.length === 0 && <p className="empty">No sector known yet.</p>}
      <ul className="sector-list">
        {top.map(([sector, count]) => (
          <li key={sector}>
            <button
              type="button"
              data-testid="sector-link"
              onClick={() =>
                navigate({
                  view: 'incidents',
                  filter: { sector: sector as IncidentFilter['sector'] },
                })
              }
            >
              <span>{sectorLabel(sector)}</span>
              <span className="sector-count">{count}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
