import type { ReactElement } from 'react';
import { useAppStore } from '../store/use-app-store';

/** The total number of alerts in the cache; the element's text is the bare number. */
export function AlertCount(): ReactElement {
  const total = useAppStore((state) => state.stats.alerts);
  const quarantined = useAppStore((state) => state.stats.quarantined);
  return (
    <section className="total" aria-label="Total alerts">
      <span className="total-number" data-testid="alert-count">
        {total}
      </span>
      <span className="total-label">alerts</span>
      {quarantined > 0 && <span className="total-aside">{quarantined} quarantined</span>}
    </section>
  );
}
