import type { MapboxOverlay } from '@deck.gl/mapbox';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { createMap } from './create-map';
import { useCountries } from './use-countries';
import { useOverlayLayers } from './use-overlay-layers';

/**
 * The live threat map. `data-map-ready` turns true once the basemap has
 * loaded and drawn, which tests and screenshots wait for.
 */
export function MapView(): ReactElement {
  const container = useRef<HTMLDivElement>(null);
  const overlay = useRef<MapboxOverlay>(undefined);
  const [ready, setReady] = useState(false);
  const countries = useCountries();
  const layers = useOverlayLayers(countries);

  // Declared before the layers effect so that, on mount, the overlay exists when layers arrive.
  useEffect(() => {
    if (!container.current) return;
    const created = createMap(container.current);
    created.map.once('load', () => setReady(true));
    overlay.current = created.overlay;
    return () => {
      overlay.current = undefined;
      created.map.remove();
    };
  }, []);

  useEffect(() => {
    overlay.current?.setProps({ layers });
  }, [layers]);

  return <div ref={container} className="map" data-map-ready={ready} />;
}
