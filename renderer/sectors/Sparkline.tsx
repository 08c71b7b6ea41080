/** A small line of counts over time; the last point is marked. */
import type { ReactElement } from 'react';

const WIDTH = 100;
const HEIGHT = 24;

export function Sparkline({ values }: { values: readonly number[] }): ReactElement {
  const top = Math.max(1, ...values);
  const step = values.length > 1 ? WIDTH / (values.length - 1) : WIDTH;
  const points = values.map((value, i) => [i * step, HEIGHT - 2 - (value / top) * (HEIGHT - 4)]);
  const last = points.at(-1);
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      <polyline
        points={points.map(([x, y]) => `${x},${y}`).join(' ')}
        vectorEffect="non-scaling-stroke"
      />
      {last && <circle cx={last[0]} cy={last[1]} r={1.6} />}
    </svg>
  );
}
