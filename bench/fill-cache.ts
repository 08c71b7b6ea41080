/**
 * A cache of many generated alerts for the query benchmark, filled through
 * AlertCache.commit in the batches a file import commits: the alert rows,
 * raw blocks, incidents and rollups are exactly what the app stores, and
 * the indexes grow as they would, without parsing a million lines first.
 */
import type { Enricher } from '../main/enrich/enricher';
import { AlertCache } from '../main/store/alert-cache';
import { GENERATED_FEED, generatedAlerts } from './generate-alerts';
import { BATCH } from './ingest-run';

/** What filling took and made. */
export interface Fill {
  alerts: number;
  incidents: number;
  seconds: number;
}

/** Fills a new cache at `cachePath` with `count` generated alerts. */
export function fillCache(cachePath: string, count: number, enrich: Enricher): Fill {
  const cache = AlertCache.open(cachePath);
  const start = performance.now();
  for (const alerts of generatedAlerts(count, BATCH, enrich)) {
    cache.commit({ feed: GENERATED_FEED, feedType: 'generated', alerts, quarantine: [] });
  }
  const seconds = (performance.now() - start) / 1000;
  const { alerts, incidents } = cache.stats();
  cache.close();
  return { alerts, incidents, seconds };
}
