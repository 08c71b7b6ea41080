import type { ReactElement } from 'react';
import { IncidentsView } from './incidents/IncidentsView';
import { MapView } from './map/MapView';
import { Toasts } from './notify/Toasts';
import { SidePanel } from './panel/SidePanel';
import { SectorsView } from './sectors/SectorsView';
import { SettingsView } from './settings/SettingsView';
import { useRoute, useRouteTime } from './route/use-route';

/**
 * The whole window: the map, with the side panel on its right. The incident
 * views lie over the map, which stays mounted so that coming back to it is
 * instant and its WebGL context is never rebuilt.
 */
export function App(): ReactElement {
  const route = useRoute();
  useRouteTime(route);
  return (
    <div className="app">
      <div className="workspace">
        <MapView />
        {route.view === 'incidents' && <IncidentsView route={route} />}
        {route.view === 'sectors' && <SectorsView route={route} />}
        {route.view === 'settings' && <SettingsView />}
        <Toasts />
      </div>
      <SidePanel />
    </div>
  );
}
