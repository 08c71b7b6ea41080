/**
 * What the syslog feed tests share: the sample lines, syslog feeds started
 * on loopback ports the OS chooses (each into a new cache), and util-linux
 * `logger` sending a file of lines.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { parseConfig } from '../../main/core/config';
import { FeedHealthBook } from '../../main/core/feed-health';
import { Ingestor } from '../../main/core/ingest';
import { runSyslog, type SyslogFeedConfig } from '../../main/core/syslog-feed';
import { AlertCache } from '../../main/store/alert-cache';
import { samplePath } from './samples';

export const run = promisify(execFile);
export const LOGGER = '/usr/bin/logger';

/** The non-empty lines of a sample file. */
export const sampleLines = (...path: string[]) =>
  readFileSync(samplePath(...path), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');

/** The values of `key=` in sample lines, as the lines themselves say them. */
export const valuesOf = (lines: string[], key: string) =>
  lines.flatMap((line) =>
    [...line.matchAll(new RegExp(`(?:^|[\\s|]|\\\\t)${key}=([^\\s\\\\]+)`, 'g'))].map((m) => m[1]),
  );

/**
 * Syslog feeds for one test file, with a temporary directory of their own;
 * `stopFeeds` stops every feed started so far and closes its cache.
 */
export function syslogHarness() {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-syslog-'));
  const running: (() => void)[] = [];

  /** Starts a syslog feed on an OS-chosen loopback port, into a new cache. */
  async function startFeed(options: Record<string, unknown>) {
    const started = startFeedNoWait(options);
    const { port } = await started.feed.listening;
    return { ...started, port };
  }

  /** Starts a syslog feed without waiting for it to bind. */
  function startFeedNoWait(options: Record<string, unknown>) {
    const config = parseConfig(
      { feeds: [{ id: 'soc-syslog', type: 'syslog', port: 0, tlp: 'clear', ...options }] },
      'test',
      dir,
    );
    const feed = config.feeds[0] as SyslogFeedConfig;
    const cache = AlertCache.open(join(mkdtempSync(join(dir, 'cache-')), 'cache.sqlite'));
    const health = new FeedHealthBook();
    health.register(feed.id, feed.type);
    const context = { id: feed.id, type: feed.type, tlp: feed.tlp };
    const deps = {
      cache,
      ingestor: new Ingestor(cache, (alert) => alert),
      health,
      changed: () => {},
    };
    const feedRun = runSyslog(feed, context, deps, (summary) =>
      health.recordEvents(feed.id, summary.records),
    );
    running.push(() => {
      feedRun.stop();
      cache.close();
    });
    /** Waits until the cache holds `count` alerts, and returns the newest 100. */
    const alerts = async (count: number, timeout = 10_000) => {
      await expect.poll(() => cache.stats().alerts, { timeout }).toBe(count);
      return cache.recentAlerts(100);
    };
    return { cache, health, alerts, feed: feedRun };
  }

  /** Sends a file's lines with logger, one message each, tagged `tag`. */
  async function logFile(
    port: number,
    lines: string[],
    flags: string[],
    tag = 'ids',
  ): Promise<void> {
    const file = join(mkdtempSync(join(dir, 'send-')), 'messages.log');
    writeFileSync(file, `${lines.join('\n')}\n`);
    await run(LOGGER, [
      ...flags,
      '-n',
      '127.0.0.1',
      '-P',
      String(port),
      '--size',
      '8192',
      '-t',
      tag,
      '-e',
      '-f',
      file,
    ]);
  }

  function stopFeeds(): void {
    for (const stop of running.splice(0)) stop();
  }

  return { dir, startFeed, startFeedNoWait, logFile, stopFeeds };
}
