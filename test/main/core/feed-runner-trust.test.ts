/**
 * A file-import feed keeps the alert ids of a Lagebild STIX export only
 * when its configuration says `trustLagebildIds: true`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../main/core/config';
import { createEnricherFromConfig } from '../../../main/core/enrichment';
import { FeedHealthBook } from '../../../main/core/feed-health';
import { startFeeds, type RunningFeed } from '../../../main/core/feed-runner';
import { Ingestor } from '../../../main/core/ingest';
import { exportSelection } from '../../../main/export/export-file';
import type { AlertCache } from '../../../main/store/alert-cache';
import { samplePath } from '../../support/samples';
import { allAlerts, freshCache, importInto } from '../export/export-harness';

const opened: AlertCache[] = [];
const running: RunningFeed[] = [];
afterEach(() => {
  for (const feed of running.splice(0)) feed.stop();
  for (const cache of opened.splice(0)) cache.close();
});

/** The EVE sample's alert ids, and a folder holding their Lagebild STIX export. */
async function exportedEve(): Promise<{ ids: string[]; folder: string }> {
  const source = freshCache();
  opened.push(source);
  await importInto(source, [samplePath('suricata-eve')], 'eve');
  const folder = mkdtempSync(join(tmpdir(), 'lagebild-feed-trust-'));
  const file = exportSelection(source, 'stix', { tlp: 'red' });
  writeFileSync(join(folder, file.filename), file.content);
  return { ids: allAlerts(source).map((alert) => alert.id), folder };
}

/** Runs one file-import feed over `folder` to its end; the alert ids it stored. */
async function importedIds(folder: string, trustLagebildIds?: boolean): Promise<string[]> {
  const feed = { id: 'bundles', type: 'file-import', paths: [folder], trustLagebildIds };
  const config = parseConfig({ feeds: [feed] }, join(folder, 'x.json'), folder);
  const cache = freshCache();
  opened.push(cache);
  const health = new FeedHealthBook();
  const ingestor = new Ingestor(cache, createEnricherFromConfig(undefined));
  let finished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const changed = () => {
    if (health.snapshot([]).some((item) => item.id === 'bundles' && item.state === 'idle')) {
      finished();
    }
  };
  running.push(...startFeeds(config.feeds, { cache, ingestor, health, changed }));
  await done;
  return allAlerts(cache).map((alert) => alert.id);
}

describe('file-import feed and Lagebild alert ids', () => {
  it('keeps the exported ids only with trustLagebildIds', async () => {
    const { ids, folder } = await exportedEve();
    expect((await importedIds(folder, true)).sort()).toEqual([...ids].sort());
    const untrusted = await importedIds(folder);
    expect(untrusted).toHaveLength(ids.length);
    expect(untrusted.filter((id) => ids.includes(id))).toEqual([]);
  });
});
