/**
 * Builds the renderer: one page that loads from file:// in Electron and over
 * HTTP in serve mode, so every URL in the bundle is relative.
 */
import react from '@vitejs/plugin-react';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const buildGeoScript = fileURLToPath(new URL('./scripts/build-geo.mjs', import.meta.url));
const serveModeUrl = process.env.LAGEBILD_SERVE_URL ?? 'http://127.0.0.1:4173';

/**
 * The dev server injects React Refresh's inline preamble and CSS as <style>
 * tags; the built page needs neither, so only the dev page gets them allowed.
 */
function devContentSecurityPolicy(): Plugin {
  return {
    name: 'lagebild-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  };
}

/** The basemap is generated, not committed: make it on first use so a fresh clone has a map. */
function basemapData(): Plugin {
  return {
    name: 'lagebild-basemap-data',
    buildStart() {
      if (existsSync(join(root, 'public', 'geo', 'countries.geojson'))) return;
      execFileSync(process.execPath, [buildGeoScript], { stdio: 'inherit' });
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), devContentSecurityPolicy(), basemapData()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    // maplibre-gl and deck.gl are large single libraries; splitting them buys nothing offline.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    // The renderer talks to /api on its own host; in development that is serve mode behind this
    // proxy. Only that exact path: renderer/api/ holds source files that the dev server must serve.
    proxy: { '^/api(\\?.*)?$': { target: serveModeUrl, ws: true } },
  },
});
