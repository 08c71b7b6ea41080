import { TextLayer } from '@deck.gl/layers';
import type { CountryLabel } from './labels';

/** Code and count of the busiest source countries, drawn with a locally built font atlas. */
export function labelsLayer(
  labels: CountryLabel[],
  visible: boolean,
  scale = 1,
): TextLayer<CountryLabel> {
  return new TextLayer<CountryLabel>({
    id: 'country-labels',
    data: labels,
    visible,
    getPosition: (label) => label.position,
    getText: (label) => `${label.iso2} ${label.count}`,
    getSize: 12,
    sizeScale: scale,
    getColor: [226, 232, 240, 255],
    fontFamily: 'system-ui, sans-serif',
    fontWeight: 600,
    background: true,
    getBackgroundColor: [11, 20, 34, 210],
    backgroundPadding: [5, 2],
    getPixelOffset: [0, -16 * scale],
  });
}
