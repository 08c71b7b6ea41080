/**
 * The address of a basemap file the app serves itself. Absolute, because
 * maplibre fetches it from a worker, whose base address is not the page's.
 */
export function geoUrl(file: string): string {
  return new URL(`geo/${file}`, document.baseURI).href;
}
