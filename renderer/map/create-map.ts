import { MapboxOverlay } from '@deck.gl/mapbox';
import { MapLibreMap } from 'maplibre-gl';
import { basemapStyle } from './basemap-style';
import { configureMaplibre } from './configure-maplibre';

/** A box of the map as [[west, south], [east, north]]. */
export type Bounds = readonly [readonly [number, number], readonly [number, number]];

/** The inhabited world, which the map shows on start. */
export const WORLD: Bounds = [
  [-180, -58],
  [180, 78],
];

/**
 * Creates the basemap in `container` with an empty deck.gl overlay above it.
 * The overlay has its own canvas (interleaved mode fails with maplibre 6).
 */
export function createMap(container: HTMLElement): { map: MapLibreMap; overlay: MapboxOverlay } {
  configureMaplibre();
  const map = new MapLibreMap({
    container,
    style: basemapStyle(),
    bounds: WORLD as [[number, number], [number, number]],
    fitBoundsOptions: { padding: 16 },
    renderWorldCopies: false,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    // Kept so that the "Save PNG" capture (capture/capture-png.ts) and tests can read the
    // pixels back; deck.gl's overlay canvas keeps its buffer too (luma.gl's default).
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.touchZoomRotate.disableRotation();
  const overlay = new MapboxOverlay({
    interleaved: false,
    layers: [],
    // A flat map is drawn in layer order: arcs rise above the ground and would hide labels.
    parameters: { depthCompare: 'always' },
    // Countries and arcs are links into the incidents.
    getCursor: ({ isDragging, isHovering }) =>
      isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab',
  });
  map.addControl(overlay);
  return { map, overlay };
}
