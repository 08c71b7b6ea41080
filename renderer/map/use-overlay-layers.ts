import type { LayersList } from '@deck.gl/core';
import { useMemo } from 'react';
import type { Arc } from '../../shared/api';
import { severityRank } from '../../shared/vocab';
import { navigate } from '../route/use-route';
import { useAppStore } from '../store/use-app-store';
import { COUNTRY_CENTROIDS, type CountryCollection } from './countries';
import { buildLayers } from './layers/build-layers';
import { topCountryLabels } from './layers/labels';
import { PULSE_MS, freshPulses } from './layers/pulses';
import { useAnimationClock } from './use-animation-clock';

const LABELLED_COUNTRIES = 8;

const openCountry = (country: string) => navigate({ view: 'incidents', filter: { country } });

// An arc opens the incidents of its source country: the filter has one
// country, and where attacks come from is what an arc is followed for.
const openArc = (arc: Arc) => {
  const country = arc.fromCountry ?? arc.toCountry;
  navigate({ view: 'incidents', filter: country ? { country } : {} });
};

/** The overlay's layers for the store's state, animated while any alert is fresh. */
export function useOverlayLayers(countries: CountryCollection | undefined, scale = 1): LayersList {
  const byCountry = useAppStore((state) => state.stats.byCountry);
  const arcs = useAppStore((state) => state.arcs);
  const alerts = useAppStore((state) => state.alerts);
  const arrivedAt = useAppStore((state) => state.arrivedAt);
  const visible = useAppStore((state) => state.layers);

  const lastArrival = useMemo(() => Math.max(0, ...Object.values(arrivedAt)), [arrivedAt]);
  const now = useAnimationClock(lastArrival + PULSE_MS);
  // Pulse membership changes at most once a second; the animation itself runs on `now`.
  const second = Math.floor(now / 1000);
  const pulses = useMemo(
    () => freshPulses(alerts, arrivedAt, second * 1000),
    [alerts, arrivedAt, second],
  );
  // The most severe arcs are drawn last, on top.
  const sortedArcs = useMemo(
    () => [...arcs].sort((a, b) => severityRank(a.severity) - severityRank(b.severity)),
    [arcs],
  );
  const labels = useMemo(
    () => topCountryLabels(byCountry, COUNTRY_CENTROIDS, LABELLED_COUNTRIES),
    [byCountry],
  );

  return useMemo(
    () =>
      buildLayers({
        countries,
        byCountry,
        arcs: sortedArcs,
        pulses,
        labels,
        visible,
        now,
        scale,
        onCountry: openCountry,
        onArc: openArc,
      }),
    [countries, byCountry, sortedArcs, pulses, labels, visible, now, scale],
  );
}
