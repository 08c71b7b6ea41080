/** A country label: its code and alert count at its label point. */
export interface CountryLabel {
  iso2: string;
  count: number;
  position: [number, number];
}

/** The `limit` source countries with most alerts that have a known place, most first. */
export function topCountryLabels(
  byCountry: Record<string, number>,
  centroids: Record<string, [number, number]>,
  limit: number,
): CountryLabel[] {
  return Object.entries(byCountry)
    .flatMap(([iso2, count]) => {
      const position = centroids[iso2];
      return position && count > 0 ? [{ iso2, count, position }] : [];
    })
    .sort((a, b) => b.count - a.count || (a.iso2 < b.iso2 ? -1 : 1))
    .slice(0, limit);
}
