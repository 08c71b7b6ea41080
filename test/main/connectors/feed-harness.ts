/**
 * Runs one polling feed (TAXII or MISP) into a real cache, as the feed
 * runner would, and waits for what it announces: states and batches.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type FeedConfig } from '../../../main/core/config';
import { FeedHealthBook } from '../../../main/core/feed-health';
import type { FeedDeps } from '../../../main/core/feed-runner';
import { Ingestor, type IngestSummary } from '../../../main/core/ingest';
import { AlertCache } from '../../../main/store/alert-cache';
import '../store/helpers';

/** A new cache file in a new folder. */
export function newCachePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'lagebild-poll-')), 'cache.sqlite');
}

/** A feed's configuration, validated as a configuration file's would be. */
export function feedConfig<T extends FeedConfig['type']>(
  type: T,
  options: Record<string, unknown>,
  baseDir = tmpdir(),
): Extract<FeedConfig, { type: T }> {
  const config = parseConfig({ feeds: [{ id: 'intel', type, ...options }] }, 'test', baseDir);
  return config.feeds[0] as Extract<FeedConfig, { type: T }>;
}

/** What one feed run did, with the cache and health it used. */
export interface FeedRun {
  cache: AlertCache;
  health: FeedHealthBook;
  deps: FeedDeps;
  summaries: IngestSummary[];
  states: string[];
  /** Resolves once the feed has announced `state` `count` times in all. */
  reached(state: string, count?: number): Promise<void>;
}

/** The dependencies of one feed run over the cache at `cachePath`. */
export function feedRun(cachePath: string): FeedRun {
  const cache = AlertCache.open(cachePath);
  const health = new FeedHealthBook();
  health.register('intel', 'test');
  const summaries: IngestSummary[] = [];
  const states: string[] = [];
  const waiters: (() => void)[] = [];
  const wrapped = {
    ...health,
    setState: (id: string, state: Parameters<FeedHealthBook['setState']>[1], error?: string) => {
      health.setState(id, state, error);
      states.push(state);
      for (const waiter of waiters.splice(0)) waiter();
    },
  } as unknown as FeedHealthBook;
  const deps: FeedDeps = {
    cache,
    ingestor: new Ingestor(cache, (alert) => alert),
    health: wrapped,
    changed: () => {},
  };
  const reached = async (state: string, count = 1) => {
    // Bounded: the test's own timeout ends a wait that never comes.
    while (states.filter((seen) => seen === state).length < count) {
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { cache, health, deps, summaries, states, reached };
}

/** The afterBatch callback of a run: keeps every summary. */
export function collect(run: FeedRun): (summary: IngestSummary) => void {
  return (summary) => run.summaries.push(summary);
}

/** Sums a field over the run's summaries. */
export function total(run: FeedRun, key: 'inserted' | 'duplicates' | 'quarantined'): number {
  return run.summaries.reduce((sum, summary) => sum + summary[key], 0);
}
