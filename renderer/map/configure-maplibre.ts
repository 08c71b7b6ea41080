import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

/**
 * Points maplibre at its worker as Vite bundled it: by default maplibre
 * looks next to its own module, which bundling moves, and a worker from our
 * own origin is what lets the CSP stay at worker-src 'self'.
 */
export function configureMaplibre(): void {
  setWorkerUrl(workerUrl);
}
