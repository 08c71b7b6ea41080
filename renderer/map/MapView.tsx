import type { MapboxOverlay } from '@deck.gl/mapbox';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import type { LngLatBoundsLike, MapLibreMap } from 'maplibre-gl';
import { useAppStore } from '../store/use-app-store';
import { createMap, type Bounds } from './create-map';
import { useCountries } from './use-countries';
import { useOverlayLayers } from './use-overlay-layers';

/**
 * The live threat map. `data-map-ready` turns true once the basemap has
 * loaded and drawn, `data-map-idle` whenever a move has finished drawing;
 * tests and screenshots wait for them. `data-arcs` counts the arcs drawn.
 */
export function MapView({
  bounds,
  scale = 1,
}: {
  bounds?: Bounds;
  /** Lines, dots and labels this many times their desktop size. */
  scale?: number;
} = {}): ReactElement {
  const container = useRef<HTMLDivElement>(null);
  const overlay = useRef<MapboxOverlay>(undefined);
  const map = useRef<MapLibreMap>(undefined);
  const [ready, setReady] = useState(false);
  const [idle, setIdle] = useState(false);
  const countries = useCountries();
  const layers = useOverlayLayers(countries, scale);
  const arcCount = useAppStore((state) => state.arcs.length);

  // Declared before the layers effect so that, on mount, the overlay exists when layers arrive.
  useEffect(() => {
    if (!container.current) return;
    const created = createMap(container.current);
    created.map.once('load', () => setReady(true));
    // Tests and screenshots wait for a move to finish drawing; it says so on the element.
    created.map.on('movestart', () => setIdle(false));
    created.map.on('idle', () => setIdle(true));
    overlay.current = created.overlay;
    map.current = created.map;
    return () => {
      overlay.current = undefined;
      map.current = undefined;
      created.map.remove();
    };
  }, []);

  useEffect(() => {
    overlay.current?.setProps({ layers });
  }, [layers]);

  // A wall moves between the world and its regions; an analyst's map keeps where it was put.
  useEffect(() => {
    if (!bounds || !map.current) return;
    // The box may have changed size while another view lay over it.
    map.current.resize();
    map.current.fitBounds(bounds as LngLatBoundsLike, { padding: 16, duration: 800 });
  }, [bounds]);

  return (
    <div
      ref={container}
      className="map"
      data-map-ready={ready}
      data-map-idle={idle}
      data-arcs={arcCount}
    />
  );
}
