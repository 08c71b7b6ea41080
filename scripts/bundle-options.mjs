// esbuild options shared by every Node-side bundle (CLI, benchmark, Electron
// main): pure-JavaScript packages are bundled; native addons, packages that
// read their own files at run time, and electron stay outside and ship in
// the app's node_modules.

/** Packages that stay outside the bundles. */
export const NODE_EXTERNALS = ['electron', 'better-sqlite3', 'electron-log', 'electron-updater'];

/** ws probes for these optional native helpers inside try/catch; absent is fine. */
export const OPTIONAL_NATIVE = ['bufferutil', 'utf-8-validate'];

/** Options for an ES-module bundle that runs under Node or Electron's main process. */
export const nodeBundle = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  external: [...NODE_EXTERNALS, ...OPTIONAL_NATIVE],
  // Bundled CommonJS dependencies (ws, ipaddr.js, ...) call require() for Node's
  // built-ins; an ES module has none unless it makes one.
  banner: {
    js:
      "import { createRequire as __lagebildRequire } from 'node:module';\n" +
      'const require = __lagebildRequire(import.meta.url);',
  },
};
