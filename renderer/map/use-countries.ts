import { useEffect, useState } from 'react';
import { scopedLogger } from '../log';
import type { CountryCollection } from './countries';
import { geoUrl } from './geo-url';

const log = scopedLogger('map');

/** The country polygons for deck.gl's density layer, fetched once; undefined until loaded. */
export function useCountries(): CountryCollection | undefined {
  const [countries, setCountries] = useState<CountryCollection>();
  useEffect(() => {
    let live = true;
    fetch(geoUrl('countries.geojson'))
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json() as Promise<CountryCollection>;
      })
      .then((collection) => {
        if (live) setCountries(collection);
      })
      .catch((error: unknown) => log.error(`country polygons did not load: ${String(error)}`));
    return () => {
      live = false;
    };
  }, []);
  return countries;
}
