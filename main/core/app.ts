/**
 * The main-process core, assembled: configuration, cache, enrichment,
 * pipeline, feeds and the API endpoint. It imports nothing from Electron,
 * so the desktop shell, serve mode, the CLI and tests all start it alike.
 */
import { join } from 'node:path';
import type { ApiEndpoint } from './api-types';
import { createApiEndpoint } from './api-endpoint';
import { CacheHealth } from './cache-health';
import { correlationOptions, loadConfigFile, type AppConfig } from './config';
import { defaultConfig, noFeedsConfig } from './default-config';
import { DeltaPublisher } from './delta-publisher';
import { FeedHealthBook } from './feed-health';
import { startFeeds, type RunningFeed } from './feed-runner';
import { Ingestor } from './ingest';
import { scopedLogger } from './log';
import { userDataDir } from './paths';
import { createEnricherFromConfig } from './enrichment';
import { createHandlers } from './handlers';
import { RetentionJob } from './retention-job';
import { eventShaper } from './shape-events';
import { AlertCache } from '../store/alert-cache';

const log = scopedLogger('core');

/** How to start the core. */
export interface CoreOptions {
  /** The cache file; defaults to the configuration's, then the user data directory's. */
  cachePath?: string;
  /** A configuration file; the embedded default is used without one. */
  configPath?: string;
  /** A configuration object, for tests and embedding (wins over configPath). */
  config?: AppConfig;
  /** Open the cache read-only and run no feeds (offline review of another cache). */
  readOnly?: boolean;
  /** Where the default cache lives; the desktop shell passes Electron's userData path. */
  userDataDir?: string;
}

/** A running core. */
export interface Core {
  endpoint: ApiEndpoint;
  config: AppConfig;
  cachePath: string;
  cache: AlertCache;
  close(): Promise<void>;
}

/** Starts the core: opens the cache, starts the feeds, serves the API. */
export async function startCore(options: CoreOptions = {}): Promise<Core> {
  const config =
    options.config ??
    (options.configPath
      ? loadConfigFile(options.configPath)
      : options.cachePath
        ? noFeedsConfig()
        : defaultConfig());
  const cachePath =
    options.cachePath ?? config.cache ?? join(options.userDataDir ?? userDataDir(), 'cache.sqlite');
  const readOnly = options.readOnly ?? false;
  const cache = AlertCache.open(cachePath, { readOnly, correlation: correlationOptions(config) });
  log.info(`cache ${cachePath}${readOnly ? ' (read-only)' : ''}`);

  const health = new FeedHealthBook();
  const endpointRef: { publish?: (delta: unknown) => void } = {};
  const changedRef: { notify?: () => void } = {};
  const cacheHealth = new CacheHealth(cachePath, readOnly, () => changedRef.notify?.());
  const publisher = new DeltaPublisher(
    cache,
    health,
    (delta) => endpointRef.publish?.(delta),
    () => cacheHealth.state(),
  );
  changedRef.notify = () => publisher.notify();
  // A cache opened for review is never changed, so nothing expires from it.
  const retention = readOnly
    ? undefined
    : new RetentionJob(cache, config.retention, () => publisher.notify());
  const endpoint = createApiEndpoint(
    createHandlers({
      cache,
      publisher,
      readOnly,
      notifyFrom: config.notifications.minSeverity,
      sharing: config.sharing,
      maintenance: {
        cache,
        health: cacheHealth,
        retention: config.retention,
        readOnly,
        ...(retention ? { job: retention } : {}),
      },
    }),
    { readOnly, shapeEvent: eventShaper(publisher) },
  );
  endpointRef.publish = (delta) => endpoint.publish('delta', delta);

  let feeds: RunningFeed[] = [];
  if (!readOnly) {
    const ingestor = new Ingestor(cache, createEnricherFromConfig(config), Date.now, cacheHealth);
    feeds = startFeeds(config.feeds, {
      cache,
      ingestor,
      health,
      changed: () => publisher.notify(),
    });
    retention?.start();
  }

  return {
    endpoint,
    config,
    cachePath,
    cache,
    async close() {
      for (const feed of feeds) feed.stop();
      await retention?.stop();
      publisher.stop();
      cache.close();
      log.info('core closed');
    },
  };
}
