import type { ReactElement } from 'react';
import { SEVERITIES } from '../../shared/vocab';
import { useAppStore } from '../store/use-app-store';

const MOST_SEVERE_FIRST = [...SEVERITIES].reverse();

/** Alerts per severity, most severe first. */
export function SeverityCounts(): ReactElement {
  const bySeverity = useAppStore((state) => state.stats.bySeverity);
  return (
    <ul className="severity-counts" aria-label="Alerts by severity">
      {MOST_SEVERE_FIRST.map((severity) => (
        <li key={severity} className={`severity-count sev-${severity}`}>
          <span className="severity-swatch" />
          <span className="severity-name">{severity}</span>
          <span className="severity-number">{bySeverity[severity] ?? 0}</span>
        </li>
      ))}
    </ul>
  );
}
