import type { ReactElement } from 'react';
import { MapView } from './map/MapView';
import { SidePanel } from './panel/SidePanel';

/** The whole window: the map, with the side panel on its right. */
export function App(): ReactElement {
  return (
    <div className="app">
      <MapView />
      <SidePanel />
    </div>
  );
}
