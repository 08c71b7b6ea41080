import { GeoJsonLayer } from '@deck.gl/layers';
import type { CountryCollection, CountryProperties } from '../countries';
import { densityScale } from './density-scale';

const NO_COUNTRIES: CountryCollection = { type: 'FeatureCollection', features: [] };

/** Countries shaded by alerts from them (source countries); a click drills down. */
export function densityLayer(
  countries: CountryCollection | undefined,
  byCountry: Record<string, number>,
  visible: boolean,
  onCountry: (iso2: string) => void,
): GeoJsonLayer<CountryProperties> {
  const colourOf = densityScale(byCountry);
  return new GeoJsonLayer<CountryProperties>({
    id: 'country-density',
    data: countries ?? NO_COUNTRIES,
    visible,
    filled: true,
    stroked: false,
    getFillColor: (feature) => colourOf(feature.properties.iso2),
    // A country is a way into its incidents.
    pickable: true,
    onClick: ({ object }) => {
      const iso2 = (object as { properties?: CountryProperties } | undefined)?.properties?.iso2;
      if (iso2) onCountry(iso2);
    },
    updateTriggers: { getFillColor: byCountry },
  });
}
