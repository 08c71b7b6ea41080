/**
 * One poll of a TAXII 2.1 feed: every collection, page by page from its
 * cursor, each page committed with the cursor that follows it, so a poll
 * cut short (a stop, a failure) resumes at the first uncommitted page.
 */
import type { RecordBatch } from '../types';
import type { ClientSettings } from '../http/client-settings';
import { taxiiCursorText, type TaxiiCursor } from './cursor';
import { findCollections, type TaxiiCollection, type TaxiiTarget } from './discovery';
import { getObjectsPage, type PageRequest } from './envelope';

/** Most pages read from one collection in one poll; the next poll carries on from the cursor. */
const MAX_PAGES_PER_POLL = 1000;

/** What a poll needs besides the server. */
export interface TaxiiPollDeps {
  /** Commits one page: its objects as one STIX record, with the cursor after it. */
  ingest(batch: RecordBatch): void;
  warn(message: string): void;
}

/** What one poll read. */
export interface TaxiiPollResult {
  collections: number;
  pages: number;
  objects: number;
}

/** Polls every collection of `target` once, starting from `cursor` (which it advances). */
export async function pollTaxii(
  target: TaxiiTarget & { pageSize: number },
  cursor: TaxiiCursor,
  client: ClientSettings,
  deps: TaxiiPollDeps,
  signal: AbortSignal,
): Promise<TaxiiPollResult> {
  const collections = await findCollections(target, client, signal);
  if (collections.length === 0) deps.warn('the API root has no readable collection');
  const result: TaxiiPollResult = { collections: collections.length, pages: 0, objects: 0 };
  for (const collection of collections) {
    await pollCollection(collection, target.pageSize, cursor, client, deps, signal, result);
  }
  return result;
}

async function pollCollection(
  collection: TaxiiCollection,
  limit: number,
  cursor: TaxiiCursor,
  client: ClientSettings,
  deps: TaxiiPollDeps,
  signal: AbortSignal,
  result: TaxiiPollResult,
): Promise<void> {
  const key = collection.objectsUrl;
  let request: PageRequest = { addedAfter: cursor.get(key), limit };
  for (let number = 1; number <= MAX_PAGES_PER_POLL; number += 1) {
    const page = await getObjectsPage(collection.objectsUrl, request, client, signal);
    signal.throwIfAborted();
    if (page.objects.length > 0) {
      if (page.addedLast) cursor.set(key, page.addedLast);
      else
        deps.warn(`${collection.title}: no X-TAXII-Date-Added-Last; the page will be read again`);
      const text = JSON.stringify(page.objects);
      const position = `collection ${collection.id} page ${number}`;
      deps.ingest({
        records: [{ position, raw: Buffer.from(text), text }],
        cursor: taxiiCursorText(cursor),
      });
      result.pages += 1;
      result.objects += page.objects.length;
    }
    if (!page.more) return;
    const following = nextPage(request, page);
    if (!following) {
      deps.warn(`${collection.title}: "more" without "next" or a new date added; stopped paging`);
      return;
    }
    request = following;
  }
  deps.warn(`${collection.title}: more than ${MAX_PAGES_PER_POLL} pages; the next poll carries on`);
}

/**
 * The request for the page after `page`: by its `next`, which keeps the
 * filter of the first request, else (servers that page without `next`) by
 * added_after moved to the page's last date added.
 */
function nextPage(
  request: PageRequest,
  page: { next?: string; addedLast?: string },
): PageRequest | undefined {
  if (page.next !== undefined) return { ...request, next: page.next };
  if (page.addedLast !== undefined && page.addedLast !== request.addedAfter) {
    return { limit: request.limit, addedAfter: page.addedLast };
  }
  return undefined;
}
