/**
 * A cache for the time-travel tests: a real Suricata sample imported as
 * `lagebild import` would, then generated alerts (the benchmark's load,
 * enriched for real) spread over three days, arriving out of observed
 * order, of every TLP, some with sectors, and all aimed at one placed site
 * so that they draw arcs. Returns what was stored, to compare answers with.
 */
import type { Alert } from '../../../shared/model';
import { TLP_LEVELS, type Sector } from '../../../shared/vocab';
import { createEnricherFromConfig } from '../../../main/core/enrichment';
import { importPaths } from '../../../main/core/import-files';
import { Ingestor } from '../../../main/core/ingest';
import { AlertCache } from '../../../main/store/alert-cache';
import { generatedAlerts } from '../../../bench/generate-alerts';
import { random } from '../../../bench/generate-eve';
import { samplePath } from '../../support/samples';

export const DAY_MS = 24 * 3600 * 1000;
/** When the generated alerts start: midnight UTC. */
export const SPREAD_START = Date.UTC(2026, 2, 1);
const JITTER_MS = 10 * 60_000;
const SECTORS: Sector[][] = [[], ['energy'], ['healthcare', 'financial-services'], []];
const SITE = { lat: 52.52, lon: 13.405, country: 'DE' };

/** A stored alert and the order it arrived in. */
export type Stored = Alert & { arrival: number };

/** Fills a new cache at `file` and returns the generated alerts as stored. */
export async function fillSpreadCache(file: string, count = 6000): Promise<Stored[]> {
  const enrich = createEnricherFromConfig(undefined);
  const cache = AlertCache.open(file);
  try {
    const ingestor = new Ingestor(cache, enrich);
    const eve = samplePath('suricata-eve', 'suricata-verify_tests_detect-ldap-operation_eve.json');
    await importPaths([eve], {
      feed: { id: 'sample', type: 'file-import', tlp: 'clear' },
      ingestor,
    });
    const next = random(11);
    const stored: Stored[] = [];
    for (const batch of generatedAlerts(count, 500, enrich)) {
      const spread = batch.map((alert) => {
        const i = stored.length;
        const observedAt =
          SPREAD_START + Math.floor((i * 3 * DAY_MS) / count) + Math.floor(next() * JITTER_MS);
        const placed = {
          ...alert,
          observedAt,
          receivedAt: observedAt + 2000,
          tlp: TLP_LEVELS[i % TLP_LEVELS.length]!,
          sectors: SECTORS[i % SECTORS.length]!,
          destination: { ...alert.destination, ...SITE },
        };
        stored.push({ ...placed, arrival: i });
        return placed;
      });
      cache.commit({ feed: 'generated', feedType: 'generated', alerts: spread, quarantine: [] });
    }
    return stored;
  } finally {
    cache.close();
  }
}
