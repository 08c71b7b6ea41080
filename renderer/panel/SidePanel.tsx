import './panel.css';
import type { ReactElement } from 'react';
import { AlertCount } from './AlertCount';
import { ConnectionIndicator } from './ConnectionIndicator';
import { FeedList } from './FeedList';
import { IncidentSummary } from './IncidentSummary';
import { LayerToggles } from './LayerToggles';
import { RecentAlerts } from './RecentAlerts';
import { SectorList } from './SectorList';
import { SeverityCounts } from './SeverityCounts';

/** The panel beside the map: totals, incidents, the newest alerts, sectors, feeds and map switches. */
export function SidePanel(): ReactElement {
  return (
    <aside className="panel">
      <header className="panel-header">
        <h1>Lagebild</h1>
        <ConnectionIndicator />
      </header>
      <AlertCount />
      <SeverityCounts />
      <IncidentSummary />
      <RecentAlerts />
      <SectorList />
      <FeedList />
      <LayerToggles />
    </aside>
  );
}
