/**
 * One poll of a MISP feed (over HTTP or from a folder): the manifest is
 * compared with the cursor, and the new and changed events are fetched
 * oldest first and committed a few at a time, each batch with the cursor
 * that counts its events as read.
 */
import type { RawRecord, RecordBatch } from '../types';
import { feedCursorText, type FeedCursor } from './cursors';
import type { FeedFiles } from './feed-files';
import { changedEvents, parseManifest } from './manifest';

/** Event files committed together: few enough that a stop loses little work. */
const EVENTS_PER_BATCH = 20;

/** What a poll needs besides the files. */
export interface MispFeedPollDeps {
  /** Commits event files as records (one MISP document each), with the cursor after them. */
  ingest(batch: RecordBatch): void;
  warn(message: string): void;
}

/** Polls the feed once from `cursor`; returns how many events it read. */
export async function pollMispFeed(
  files: FeedFiles,
  cursor: FeedCursor,
  deps: MispFeedPollDeps,
  signal: AbortSignal,
): Promise<number> {
  const text = await files.read('manifest.json', signal);
  if (text === undefined) throw new Error(`${files.where('manifest.json')}: no manifest`);
  const manifest = parseManifest(text, files.where('manifest.json'));
  if (manifest.rejected.length > 0) {
    const first = manifest.rejected[0];
    deps.warn(
      `manifest: ${manifest.rejected.length} entries skipped (${first?.uuid}: ${first?.reason})`,
    );
  }
  const changed = changedEvents(manifest, cursor);
  // Events gone from the manifest leave the cursor, which stays as large as the feed.
  const next: FeedCursor = new Map([...cursor].filter(([uuid]) => manifest.events.has(uuid)));
  if (changed.length === 0 && next.size !== cursor.size) {
    deps.ingest({ records: [], cursor: feedCursorText(next) });
  }
  for (let start = 0; start < changed.length; start += EVENTS_PER_BATCH) {
    const records: RawRecord[] = [];
    for (const uuid of changed.slice(start, start + EVENTS_PER_BATCH)) {
      records.push(await eventRecord(files, uuid, signal));
      next.set(uuid, manifest.events.get(uuid) as number);
    }
    signal.throwIfAborted();
    deps.ingest({ records, cursor: feedCursorText(next) });
  }
  return changed.length;
}

/** The event file as a record; a file the manifest lists but the feed lacks is quarantined. */
async function eventRecord(
  files: FeedFiles,
  uuid: string,
  signal: AbortSignal,
): Promise<RawRecord> {
  const name = `${uuid}.json`;
  const text = await files.read(name, signal);
  const position = `event ${uuid}`;
  if (text === undefined) {
    return {
      position,
      raw: Buffer.alloc(0),
      error: `${files.where(name)}: listed in the manifest but missing`,
    };
  }
  return { position, raw: Buffer.from(text), text };
}
