/**
 * One page of a collection's objects (TAXII 2.1 section 5.4, Get Objects):
 * the envelope with its `more` and `next`, and the X-TAXII-Date-Added-First
 * and -Last headers that say which additions the page spans.
 */
import { z } from 'zod';
import { parseTimestamp } from '../../parsers/time';
import type { ClientSettings } from '../http/client-settings';
import { HttpError } from '../http/http-request';
import { taxiiGet } from './taxii-request';

// Section 3.7: the envelope. Every property is optional; an empty one says there is nothing.
const EnvelopeSchema = z.object({
  more: z.boolean().default(false),
  next: z.string().min(1).max(10_000).optional(),
  objects: z.array(z.unknown()).default([]),
});

/** What one page holds and where the next one starts. */
export interface ObjectsPage {
  objects: unknown[];
  more: boolean;
  next?: string;
  /** X-TAXII-Date-Added-Last, as the server wrote it (kept verbatim: it may carry microseconds). */
  addedLast?: string;
}

/** Which page to ask for. */
export interface PageRequest {
  addedAfter?: string;
  next?: string;
  limit: number;
}

/** GETs one page of objects from a collection's objects URL. */
export async function getObjectsPage(
  objectsUrl: string,
  page: PageRequest,
  client: ClientSettings,
  signal: AbortSignal,
): Promise<ObjectsPage> {
  const url = new URL(objectsUrl);
  url.searchParams.set('limit', String(page.limit));
  if (page.addedAfter !== undefined) url.searchParams.set('added_after', page.addedAfter);
  if (page.next !== undefined) url.searchParams.set('next', page.next);
  const answer = await taxiiGet(url.href, EnvelopeSchema, 'envelope', client, signal);
  const addedLast = answer.header('x-taxii-date-added-last')?.trim();
  if (addedLast !== undefined && parseTimestamp(addedLast) === undefined) {
    throw new HttpError(`${objectsUrl}: invalid X-TAXII-Date-Added-Last ${addedLast.slice(0, 40)}`);
  }
  return {
    objects: answer.value.objects,
    more: answer.value.more,
    ...(answer.value.next === undefined ? {} : { next: answer.value.next }),
    ...(addedLast ? { addedLast } : {}),
  };
}
