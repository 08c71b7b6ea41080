/**
 * Where to put a country's marker: a point well inside its largest polygon
 * (a pole of inaccessibility found by grid refinement), so that crescents
 * and archipelagos still get a point on land.
 */

const RAD = Math.PI / 180;

/** Area on the sphere up to a constant (Lambert cylindrical equal-area), for ranking polygons. */
export function equalArea(polygon) {
  let total = 0;
  polygon.forEach((ring, index) => {
    let sum = 0;
    for (let i = 0; i < ring.length - 1; i += 1) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      sum += (x1 - x0) * (Math.sin(y0 * RAD) + Math.sin(y1 * RAD));
    }
    total += index === 0 ? Math.abs(sum) : -Math.abs(sum);
  });
  return total / 2;
}

function contains(polygon, x, y) {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Distance to the nearest edge, with longitudes shrunk by `scale` so degrees are comparable. */
function distanceToBoundary(polygon, x, y, scale) {
  let best = Infinity;
  for (const ring of polygon) {
    for (let i = 0; i < ring.length - 1; i += 1) {
      const ax = ring[i][0] * scale;
      const ay = ring[i][1];
      const dx = ring[i + 1][0] * scale - ax;
      const dy = ring[i + 1][1] - ay;
      const length2 = dx * dx + dy * dy;
      const t = length2 === 0 ? 0 : ((x * scale - ax) * dx + (y - ay) * dy) / length2;
      const clamped = Math.max(0, Math.min(1, t));
      const ex = ax + clamped * dx - x * scale;
      const ey = ay + clamped * dy - y;
      best = Math.min(best, ex * ex + ey * ey);
    }
  }
  return Math.sqrt(best);
}

const GRID = 16;
const ROUNDS = 8;

/** A point inside the polygon, far from its edges, rounded to 0.01°. */
export function labelPoint(polygon) {
  const outer = polygon[0];
  const xs = outer.map(([x]) => x);
  const ys = outer.map(([, y]) => y);
  let width = Math.max(...xs) - Math.min(...xs);
  let height = Math.max(...ys) - Math.min(...ys);
  let centre = [Math.min(...xs) + width / 2, Math.min(...ys) + height / 2];
  const scale = Math.cos(centre[1] * RAD);
  let best = { point: outer[0], distance: -1 };
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let i = 0; i <= GRID; i += 1) {
      for (let j = 0; j <= GRID; j += 1) {
        const x = centre[0] - width / 2 + (width * i) / GRID;
        const y = centre[1] - height / 2 + (height * j) / GRID;
        if (!contains(polygon, x, y)) continue;
        const distance = distanceToBoundary(polygon, x, y, scale);
        if (distance > best.distance) best = { point: [x, y], distance };
      }
    }
    centre = best.point;
    width /= 2;
    height /= 2;
  }
  return best.point.map((value) => Math.round(value * 100) / 100);
}
