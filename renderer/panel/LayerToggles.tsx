import type { ReactElement } from 'react';
import { LAYER_NAMES, type LayerName } from '../store/layers-slice';
import { useAppStore } from '../store/use-app-store';

const LABELS: Record<LayerName, string> = {
  density: 'Source countries',
  arcs: 'Arcs',
  pulses: 'New alerts',
  labels: 'Labels',
};

/** Switches for the map's overlay layers. */
export function LayerToggles(): ReactElement {
  const layers = useAppStore((state) => state.layers);
  const toggleLayer = useAppStore((state) => state.toggleLayer);
  return (
    <fieldset className="layer-toggles">
      <legend>Map layers</legend>
      {LAYER_NAMES.map((name) => (
        <label key={name}>
          <input type="checkbox" checked={layers[name]} onChange={() => toggleLayer(name)} />
          {LABELS[name]}
        </label>
      ))}
    </fieldset>
  );
}
