/**
 * Caches for export tests: real samples imported into a fresh cache, as
 * `lagebild import` would, and the alerts and incidents to compare.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Alert, Incident } from '../../../shared/model';
import type { Tlp } from '../../../shared/vocab';
import { createEnricherFromConfig } from '../../../main/core/enrichment';
import { importPaths } from '../../../main/core/import-files';
import { Ingestor, type IngestSummary } from '../../../main/core/ingest';
import { AlertCache } from '../../../main/store/alert-cache';

/** A new cache file in a temporary folder. */
export function freshCache(): AlertCache {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-export-'));
  return AlertCache.open(join(dir, 'cache.sqlite'));
}

/**
 * Imports `paths` into `cache` under feed `feed`, unmarked records at `tlp`;
 * `trustLagebildIds` as `lagebild import --trust-lagebild-ids`.
 */
export async function importInto(
  cache: AlertCache,
  paths: string[],
  feed = 'import',
  tlp: Tlp = 'amber',
  trustLagebildIds = false,
): Promise<IngestSummary> {
  const ingestor = new Ingestor(cache, createEnricherFromConfig(undefined));
  const report = await importPaths(paths, {
    feed: { id: feed, type: 'file-import', tlp },
    ingestor,
    trustLagebildIds,
  });
  return report.total;
}

/** Every incident of a cache, by id. */
export function allIncidents(cache: AlertCache): Incident[] {
  return cache.incidents({ limit: 1000 }).sort((a, b) => a.id.localeCompare(b.id));
}

/** Every alert of every incident, by id. */
export function allAlerts(cache: AlertCache): Alert[] {
  return allIncidents(cache)
    .flatMap((incident) => cache.incidentAlerts(incident.id, { limit: 10_000 }))
    .sort((a, b) => a.id.localeCompare(b.id));
}
