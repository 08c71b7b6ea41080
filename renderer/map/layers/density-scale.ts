/**
 * Colours countries by how many alerts came from them. The ramp varies in
 * lightness only, so it reads the same with any colour vision, and counts
 * go through a logarithm because a few countries usually dominate.
 */

/** An RGBA colour as deck.gl takes it. */
export type Rgba = [number, number, number, number];

const RAMP: Rgba[] = [
  [56, 50, 110, 140],
  [74, 64, 142, 145],
  [96, 82, 172, 150],
  [122, 104, 198, 160],
  [152, 132, 222, 170],
];
const NONE: Rgba = [0, 0, 0, 0];

/** A function from country code to fill colour for these counts; transparent for none. */
export function densityScale(
  byCountry: Record<string, number>,
): (iso2: string | undefined) => Rgba {
  const max = Math.max(
    0,
    ...Object.entries(byCountry).map(([code, n]) => (code === 'unknown' ? 0 : n)),
  );
  return (iso2) => {
    const count = iso2 === undefined ? 0 : (byCountry[iso2] ?? 0);
    if (count <= 0 || max <= 0) return NONE;
    const share = Math.log1p(count) / Math.log1p(max);
    return RAMP[Math.min(RAMP.length - 1, Math.floor(share * RAMP.length))] ?? NONE;
  };
}
