/**
 * Where a longitude and latitude appear on the start view of the map: the
 * renderer fits the inhabited world (lon -180…180, lat -58…78, 16 px of
 * padding) into its container in Web Mercator, and so does this.
 */
const mercatorX = (lon: number) => (lon + 180) / 360;
const mercatorY = (lat: number) =>
  (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;

/** The pixel of [lon, lat] inside a map container of `width` × `height`. */
export function startViewPixel(
  lon: number,
  lat: number,
  width: number,
  height: number,
): { x: number; y: number } {
  const padding = 16;
  const top = mercatorY(78);
  const bottom = mercatorY(-58);
  const scale = Math.min(width - 2 * padding, (height - 2 * padding) / (bottom - top));
  return {
    x: width / 2 + (mercatorX(lon) - 0.5) * scale,
    y: height / 2 + (mercatorY(lat) - (top + bottom) / 2) * scale,
  };
}
