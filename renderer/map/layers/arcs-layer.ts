import { ArcLayer } from '@deck.gl/layers';
import type { Arc } from '../../../shared/api';
import { SEVERITY_RGB } from '../../palette';

/** Source to target lines, coloured by severity, wider for more alerts; a click drills down. */
export function arcsLayer(
  arcs: Arc[],
  visible: boolean,
  onArc: (arc: Arc) => void,
  scale = 1,
): ArcLayer<Arc> {
  return new ArcLayer<Arc>({
    id: 'arcs',
    data: arcs,
    visible,
    // Great circles bend like flight paths and are cut at the antimeridian, never crossing the map.
    greatCircle: true,
    getSourcePosition: (arc) => arc.from,
    getTargetPosition: (arc) => arc.to,
    getSourceColor: (arc) => [...SEVERITY_RGB[arc.severity], 70],
    getTargetColor: (arc) => [...SEVERITY_RGB[arc.severity], 235],
    getWidth: (arc) => 1 + 2 * Math.log10(arc.count),
    widthUnits: 'pixels',
    widthScale: scale,
    widthMaxPixels: 8 * scale,
    pickable: true,
    onClick: ({ object }) => {
      if (object) onArc(object as Arc);
    },
  });
}
