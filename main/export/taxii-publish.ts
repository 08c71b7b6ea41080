/**
 * Publishing to a TAXII 2.1 collection: the objects are POSTed as an
 * envelope to {api root}/collections/{id}/objects/, and the status
 * resource the server answers with is polled, with growing pauses and a
 * bounded number of tries, until the server has taken everything. The
 * credentials come from the environment as for a TAXII feed and are never
 * logged.
 *
 * Known shortcoming: all objects go in one envelope; a server whose
 * max_content_length (API root information) is smaller refuses it with 413,
 * where splitting the envelope would have worked.
 */
import { z } from 'zod';
import type { TaxiiDestination } from '../core/sharing-config';
import { scopedLogger } from '../core/log';
import { clientSettings, type ClientSettings } from '../connectors/http/client-settings';
import { describeUrl, HttpError, httpRequest } from '../connectors/http/http-request';
import { expectSuccess } from '../connectors/http/status';
import { TAXII_MEDIA_TYPE, taxiiGet } from '../connectors/taxii/taxii-request';
import { parseJsonRecord } from '../parsers/json-record';

const log = scopedLogger('publish');

/** The status resource of TAXII 2.1 (section 4.3.1). */
const StatusSchema = z.object({
  id: z.string().min(1).max(200),
  status: z.enum(['complete', 'pending']),
  total_count: z.number().int().nonnegative().optional(),
  success_count: z.number().int().nonnegative().default(0),
  failure_count: z.number().int().nonnegative().default(0),
  pending_count: z.number().int().nonnegative().default(0),
  failures: z
    .array(z.object({ id: z.string(), message: z.string().optional() }).loose())
    .optional(),
});
type TaxiiStatus = z.infer<typeof StatusSchema>;

/** How the server took the objects, as far as it had when polling stopped. */
export interface PublishStatus {
  statusId: string;
  status: 'complete' | 'pending';
  successCount: number;
  failureCount: number;
  pendingCount: number;
  failures: { id: string; message?: string }[];
}

/** How publishing waits; tests shorten the pauses. */
export interface PublishTiming {
  /** Status polls after the POST at most. */
  maxPolls?: number;
  /** The first pause between polls, ms; each next one doubles, up to 10 s. */
  firstPauseMs?: number;
  sleep?: (ms: number) => Promise<void>;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

const MAX_PAUSE_MS = 10_000;
const MAX_LISTED_FAILURES = 100;

/** POSTs `objects` to the destination's collection and waits for the server to take them. */
export async function publishObjects(
  destination: TaxiiDestination,
  objects: readonly unknown[],
  timing: PublishTiming = {},
): Promise<PublishStatus> {
  const client = await clientSettings({ auth: destination.auth }, timing.env);
  const signal = timing.signal ?? new AbortController().signal;
  const root = destination.url.endsWith('/') ? destination.url : `${destination.url}/`;
  const objectsUrl = `${root}collections/${encodeURIComponent(destination.collection)}/objects/`;
  let status = await postEnvelope(objectsUrl, objects, client, signal);
  log.info(
    `${destination.name}: sent ${objects.length} objects, status ${status.id} ${status.status}`,
  );

  const sleep = timing.sleep ?? ((ms: number) => new Promise((done) => setTimeout(done, ms)));
  let pause = timing.firstPauseMs ?? 1000;
  for (let poll = 0; status.status === 'pending' && poll < (timing.maxPolls ?? 8); poll += 1) {
    await sleep(pause);
    pause = Math.min(pause * 2, MAX_PAUSE_MS);
    const statusUrl = `${root}status/${encodeURIComponent(status.id)}/`;
    status = (await taxiiGet(statusUrl, StatusSchema, 'status', client, signal)).value;
  }
  log.info(
    `${destination.name}: ${status.status}, ${status.success_count} taken, ${status.failure_count} refused, ${status.pending_count} pending`,
  );
  return publishStatus(status);
}

async function postEnvelope(
  url: string,
  objects: readonly unknown[],
  client: ClientSettings,
  signal: AbortSignal,
): Promise<TaxiiStatus> {
  const response = await httpRequest({
    url,
    method: 'POST',
    headers: {
      Accept: TAXII_MEDIA_TYPE,
      'Content-Type': TAXII_MEDIA_TYPE,
      ...(client.authorization ? { Authorization: client.authorization } : {}),
    },
    body: JSON.stringify({ objects }),
    ...(client.ca ? { ca: client.ca } : {}),
    signal,
  });
  expectSuccess(response, url);
  const json = parseJsonRecord(response.body.toString('utf8'), 1024 * 1024);
  const checked = json.ok ? StatusSchema.safeParse(json.value) : undefined;
  if (!checked?.success) {
    throw new HttpError(
      `${describeUrl(url)}: the answer to the objects sent is not a TAXII status`,
    );
  }
  return checked.data;
}

function publishStatus(status: TaxiiStatus): PublishStatus {
  return {
    statusId: status.id,
    status: status.status,
    successCount: status.success_count,
    failureCount: status.failure_count,
    pendingCount: status.pending_count,
    failures: (status.failures ?? []).slice(0, MAX_LISTED_FAILURES).map(({ id, message }) => ({
      id,
      ...(message === undefined ? {} : { message }),
    })),
  };
}
