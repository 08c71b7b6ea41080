import type { ReactElement } from 'react';
import { navigate } from '../route/use-route';
import { useAppStore } from '../store/use-app-store';

/** Incidents waiting for triage, and the way into the list. */
export function IncidentSummary(): ReactElement {
  const total = useAppStore((state) => state.stats.incidents);
  const byStatus = useAppStore((state) => state.stats.byStatus);
  const open =
    (byStatus['new'] ?? 0) + (byStatus['acknowledged'] ?? 0) + (byStatus['investigating'] ?? 0);
  return (
    <section className="incident-summary" aria-label="Incidents">
      <h2>Incidents</h2>
      <button
        type="button"
        className="incident-summary-link"
        data-testid="open-incidents"
        onClick={() =>
          navigate({
            view: 'incidents',
            filter: { status: ['new', 'acknowledged', 'investigating'] },
          })
        }
      >
        <span className="incident-summary-new">{byStatus['new'] ?? 0} new</span>
        <span>{open} open</span>
        <span>{total} in all</span>
      </button>
    </section>
  );
}
