/**
 * Every sector at a glance: its alerts in the window, split by severity
 * (most severe first, in the colour-blind-safe palette) and a sparkline of
 * the window. Sectors hit come first; quiet ones stay visible, dimmed, so
 * that the absence of activity is seen too. A click opens the incidents.
 */
import type { ReactElement } from 'react';
import type { Sectors } from '../../shared/api';
import { SEVERITIES } from '../../shared/vocab';
import { sectorLabel } from '../incidents/labels';
import { Sparkline } from './Sparkline';

const MOST_SEVERE_FIRST = [...SEVERITIES].reverse();

export function SectorGrid({
  sectors,
  onOpen,
}: {
  sectors: Sectors;
  onOpen?: (sector: string) => void;
}): ReactElement {
  const ordered = [...sectors.sectors].sort(
    (a, b) => b.total - a.total || a.sector.localeCompare(b.sector),
  );
  return (
    <ol className="sector-grid" data-testid="sector-grid">
      {ordered.map((summary) => {
        const body = (
          <>
            <span className="sector-name">{sectorLabel(summary.sector)}</span>
            <span className="sector-total">{summary.total}</span>
            <span className="sector-severities">
              {MOST_SEVERE_FIRST.map((severity) => {
                const n = summary.bySeverity[severity] ?? 0;
                return n > 0 ? (
                  <span
                    key={severity}
                    className={`sector-severity sev-${severity}`}
                    title={severity}
                  >
                    {n}
                  </span>
                ) : null;
              })}
            </span>
            <Sparkline values={summary.sparkline} />
          </>
        );
        return (
          <li
            key={summary.sector}
            data-testid="sector-card"
            data-sector={summary.sector}
            className={`sector-card${summary.total === 0 ? ' quiet' : ''}`}
          >
            {onOpen ? (
              <button type="button" onClick={() => onOpen(summary.sector)}>
                {body}
              </button>
            ) : (
              <div>{body}</div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
