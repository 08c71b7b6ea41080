/**
 * Cuts rings and lines at the antimeridian so that a planar renderer (Web
 * Mercator in maplibre and deck.gl) never draws an edge across the whole
 * map. world-atlas keeps spherical topology, where Russia, Fiji and
 * Antarctica run straight through ±180°.
 */

/** Web Mercator cannot show beyond this latitude; deck.gl's projection breaks at ±90°. */
export const MAX_LATITUDE = 85.0511;

const clampLatitude = (lat) => Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));

/**
 * Makes longitudes continuous along a ring (a jump of more than 180° is read
 * as a crossing) and returns the ring with the net shift: ±360 when the ring
 * goes once around a pole.
 */
function unwrap(ring) {
  let shift = 0;
  const out = [[ring[0][0], clampLatitude(ring[0][1])]];
  for (let i = 1; i < ring.length; i += 1) {
    const step = ring[i][0] - ring[i - 1][0];
    if (step > 180) shift -= 360;
    else if (step < -180) shift += 360;
    out.push([ring[i][0] + shift, clampLatitude(ring[i][1])]);
  }
  return { ring: out, shift };
}

/**
 * A ring around a pole (Antarctica) has no inside on a flat map until it is
 * closed along the map's edge at that pole.
 */
function closeAroundPole(ring) {
  const meanLat = ring.reduce((sum, [, lat]) => sum + lat, 0) / ring.length;
  const poleLat = meanLat < 0 ? -MAX_LATITUDE : MAX_LATITUDE;
  const first = ring[0];
  const last = ring[ring.length - 1];
  // Short steps along the pole keep every edge under half the world, like any other edge.
  const steps = Math.ceil(Math.abs(first[0] - last[0]) / 90);
  const edge = Array.from({ length: steps + 1 }, (_, k) => [
    last[0] + ((first[0] - last[0]) * k) / steps,
    poleLat,
  ]);
  return [...ring, ...edge, first];
}

/** Sutherland–Hodgman against one vertical half-plane; `keep` says which side. */
function clipAtLongitude(ring, edge, keep) {
  const out = [];
  for (let i = 0; i < ring.length - 1; i += 1) {
    const a = ring[i];
    const b = ring[i + 1];
    const aIn = keep(a[0]);
    const bIn = keep(b[0]);
    if (aIn) out.push(a);
    if (aIn !== bIn) {
      const t = (edge - a[0]) / (b[0] - a[0]);
      out.push([edge, a[1] + t * (b[1] - a[1])]);
    }
  }
  if (out.length > 0) out.push(out[0]);
  return out;
}

/** Twice the signed planar area: positive for a counter-clockwise ring. */
export function signedArea(ring) {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i += 1) {
    sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return sum;
}

/** The pieces of one unwrapped ring, keyed by the world copy (…, -1, 0, 1, …) they lie in. */
function splitByWorldCopy(ring) {
  const xs = ring.map(([x]) => x);
  const first = Math.floor((Math.min(...xs) + 180) / 360);
  const last = Math.ceil((Math.max(...xs) + 180) / 360) - 1;
  const pieces = new Map();
  for (let copy = first; copy <= last; copy += 1) {
    const west = copy * 360 - 180;
    const east = west + 360;
    const clipped = clipAtLongitude(
      clipAtLongitude(ring, west, (x) => x >= west),
      east,
      (x) => x <= east,
    );
    if (clipped.length >= 4 && Math.abs(signedArea(clipped)) > 1e-9) {
      pieces.set(
        copy,
        clipped.map(([x, y]) => [x - copy * 360, y]),
      );
    }
  }
  return pieces;
}

/**
 * Cuts one polygon (exterior ring first, then holes) into polygons that all
 * lie within [-180, 180]. Rings that shrink to nothing (a circle at the
 * pole) are dropped, so the first surviving ring becomes the exterior.
 */
export function cutPolygon(rings) {
  const byCopy = new Map();
  for (const ring of rings) {
    const { ring: unwrapped, shift } = unwrap(ring);
    const planar = shift === 0 ? unwrapped : closeAroundPole(unwrapped);
    for (const [copy, piece] of splitByWorldCopy(planar)) {
      byCopy.set(copy, [...(byCopy.get(copy) ?? []), piece]);
    }
  }
  return [...byCopy.values()];
}

/** Splits a line wherever it jumps across ±180°, adding the crossing point to both parts. */
export function cutLine(line) {
  const parts = [];
  let current = [[line[0][0], clampLatitude(line[0][1])]];
  for (let i = 1; i < line.length; i += 1) {
    const [ax, ay] = line[i - 1];
    const [bx, by] = line[i];
    const b = [bx, clampLatitude(by)];
    const step = bx - ax;
    if (Math.abs(step) > 180) {
      const edge = step < 0 ? 180 : -180;
      const unwrappedBx = bx + (step < 0 ? 360 : -360);
      // An edge from -180 straight to 180 is a zero-length step along the seam.
      const t = unwrappedBx === ax ? 0 : (edge - ax) / (unwrappedBx - ax);
      const lat = clampLatitude(ay + t * (by - ay));
      current.push([edge, lat]);
      parts.push(current);
      current = [[-edge, lat]];
    }
    current.push(b);
  }
  parts.push(current);
  return parts;
}

/** True when some edge of the ring or line still jumps more than half the world. */
export function hasStreak(coordinates) {
  return coordinates.some((point, i) => i > 0 && Math.abs(point[0] - coordinates[i - 1][0]) > 180);
}
