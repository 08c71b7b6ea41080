/**
 * One poll of a MISP server's REST API: POST /events/restSearch for the
 * events changed since the newest timestamp read, page by page. MISP's
 * `timestamp` filter is inclusive, so the events of that last second come
 * again and are known by their stable alert ids; nothing is stored twice.
 *
 * MISP does not promise the order of a search's pages, so the cursor moves
 * only with the last page: a poll cut short reads its pages again.
 */
import { z } from 'zod';
import { field, isJsonObject } from '../../parsers/fields';
import { parseJsonRecord } from '../../parsers/json-record';
import { EpochSecondsSchema } from '../../parsers/misp/schema';
import type { ClientSettings } from '../http/client-settings';
import { describeUrl, HttpError, httpRequest, MAX_RESPONSE_BYTES } from '../http/http-request';
import { expectSuccess } from '../http/status';
import type { RecordBatch } from '../types';
import { apiCursorText } from './cursors';

/** Most pages read in one poll (bounds a poll of a very large server). */
const MAX_PAGES_PER_POLL = 10_000;

const SearchAnswerSchema = z.object({ response: z.array(z.unknown()) });
const EventTimestampSchema = z.object({ timestamp: EpochSecondsSchema });

/** What a poll needs besides the server. */
export interface RestSearchDeps {
  ingest(batch: RecordBatch): void;
}

/** Polls restSearch once for events changed since `since` (epoch seconds); returns the event count. */
export async function pollRestSearch(
  api: { apiUrl: string; pageSize: number },
  since: number | undefined,
  client: ClientSettings,
  deps: RestSearchDeps,
  signal: AbortSignal,
): Promise<number> {
  const url = new URL('events/restSearch', api.apiUrl.endsWith('/') ? api.apiUrl : `${api.apiUrl}/`)
    .href;
  let newest = since;
  let events = 0;
  for (let page = 1; page <= MAX_PAGES_PER_POLL; page += 1) {
    const found = await searchPage(url, { page, limit: api.pageSize, since }, client, signal);
    signal.throwIfAborted();
    for (const event of found) {
      const seconds = eventSeconds(event);
      if (seconds !== undefined && (newest === undefined || seconds > newest)) newest = seconds;
    }
    events += found.length;
    const last = found.length < api.pageSize;
    const text = JSON.stringify({ response: found });
    deps.ingest({
      records:
        found.length > 0
          ? [{ position: `restSearch page ${page}`, raw: Buffer.from(text), text }]
          : [],
      cursor: apiCursorText(last ? newest : since),
    });
    if (last) return events;
  }
  return events;
}

async function searchPage(
  url: string,
  query: { page: number; limit: number; since?: number },
  client: ClientSettings,
  signal: AbortSignal,
): Promise<unknown[]> {
  const response = await httpRequest({
    url,
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      ...(client.authorization ? { Authorization: client.authorization } : {}),
    },
    body: JSON.stringify({
      returnFormat: 'json',
      page: query.page,
      limit: query.limit,
      ...(query.since === undefined ? {} : { timestamp: query.since }),
    }),
    ...(client.ca ? { ca: client.ca } : {}),
    signal,
  });
  expectSuccess(response, url);
  const json = parseJsonRecord(response.body.toString('utf8'), MAX_RESPONSE_BYTES);
  const checked = json.ok ? SearchAnswerSchema.safeParse(json.value) : undefined;
  if (!checked?.success) {
    const reason = json.ok ? 'no "response" list' : json.reason;
    throw new HttpError(`${describeUrl(url)}: not a restSearch answer: ${reason}`);
  }
  return checked.data.response;
}

/** An event's timestamp in epoch seconds; undefined when unreadable (the parser will say why). */
function eventSeconds(item: unknown): number | undefined {
  const wrapped = isJsonObject(item) ? field(item, 'Event') : undefined;
  const checked = EventTimestampSchema.safeParse(isJsonObject(wrapped) ? wrapped : item);
  return checked.success ? checked.data.timestamp / 1000 : undefined;
}
