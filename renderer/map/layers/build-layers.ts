import type { LayersList } from '@deck.gl/core';
import type { Arc } from '../../../shared/api';
import type { LayerName } from '../../store/layers-slice';
import type { CountryCollection } from '../countries';
import { arcsLayer } from './arcs-layer';
import { densityLayer } from './density-layer';
import type { CountryLabel } from './labels';
import { labelsLayer } from './labels-layer';
import type { Pulse } from './pulses';
import { pulsesLayers } from './pulses-layer';

/** Everything the overlay is drawn from; arrays keep their identity while unchanged. */
export interface OverlayInput {
  countries: CountryCollection | undefined;
  byCountry: Record<string, number>;
  arcs: Arc[];
  pulses: Pulse[];
  labels: CountryLabel[];
  visible: Record<LayerName, boolean>;
  now: number;
  /** How much larger than on a desktop lines, dots and labels are drawn (a wall across the room). */
  scale: number;
  /** Drill-down from a country or an arc. */
  onCountry(iso2: string): void;
  onArc(arc: Arc): void;
}

/** The deck.gl layers for this state, bottom to top. */
export function buildLayers(input: OverlayInput): LayersList {
  const { visible } = input;
  return [
    densityLayer(input.countries, input.byCountry, visible.density, input.onCountry),
    arcsLayer(input.arcs, visible.arcs, input.onArc, input.scale),
    ...pulsesLayers(input.pulses, input.now, visible.pulses, input.scale),
    labelsLayer(input.labels, visible.labels, input.scale),
  ];
}
