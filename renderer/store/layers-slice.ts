import type { StateCreator } from 'zustand';
import type { AppState } from './app-state';

/** The map's overlay layers that the operator can switch on and off. */
export const LAYER_NAMES = ['density', 'arcs', 'pulses', 'labels'] as const;
/** One of the overlay layers. */
export type LayerName = (typeof LAYER_NAMES)[number];

/** Which overlay layers are shown. */
export interface LayersSlice {
  layers: Record<LayerName, boolean>;
  toggleLayer(name: LayerName): void;
}

/** Creates the layers slice with every layer shown. */
export const createLayersSlice: StateCreator<AppState, [], [], LayersSlice> = (set) => ({
  layers: { density: true, arcs: true, pulses: true, labels: true },
  toggleLayer: (name) => set(({ layers }) => ({ layers: { ...layers, [name]: !layers[name] } })),
});
