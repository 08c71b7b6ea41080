import './panel.css';
import type { ReactElement } from 'react';
import { SnapshotButton } from '../capture/SnapshotButton';
import { SettingsLink } from '../settings/SettingsLink';
import { AlertCount } from './AlertCount';
import { CacheStateBanner } from './CacheStateBanner';
import { ConnectionIndicator } from './ConnectionIndicator';
import { FeedList } from './FeedList';
import { IncidentSummary } from './IncidentSummary';
import { LayerToggles } from './LayerToggles';
import { RecentAlerts } from './RecentAlerts';
import { SectorList } from './SectorList';
import { SeverityCounts } from './SeverityCounts';
import { TimeBar } from '../time/TimeBar';

/** The panel beside the map: totals, incidents, the newest alerts, sectors, feeds and map switches. */
export function SidePanel(): ReactElement {
  return (
    <aside className="panel">
      <header className="panel-header">
        <h1>Lagebild</h1>
        <SnapshotButton />
        <SettingsLink />
        <ConnectionIndicator />
      </header>
      <CacheStateBanner compact />
      <TimeBar />
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
