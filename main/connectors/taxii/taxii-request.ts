/**
 * GET requests to a TAXII 2.1 server: the TAXII media type asked for and
 * checked in the answer, credentials sent, and the body validated against
 * the resource's schema.
 */
import type { z } from 'zod';
import { parseJsonRecord } from '../../parsers/json-record';
import type { ClientSettings } from '../http/client-settings';
import { describeUrl, HttpError, httpRequest, MAX_RESPONSE_BYTES } from '../http/http-request';
import { expectSuccess } from '../http/status';

/** The media type of TAXII 2.1 resources (section 1.6.8 of the specification). */
export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';

/** A validated TAXII resource and the headers it came with. */
export interface TaxiiAnswer<T> {
  value: T;
  header(name: string): string | undefined;
}

/** GETs `url` as TAXII 2.1 and validates it as `what` (e.g. "API root"). */
export async function taxiiGet<T>(
  url: string,
  schema: z.ZodType<T>,
  what: string,
  client: ClientSettings,
  signal: AbortSignal,
): Promise<TaxiiAnswer<T>> {
  const response = await httpRequest({
    url,
    method: 'GET',
    headers: {
      Accept: TAXII_MEDIA_TYPE,
      ...(client.authorization ? { Authorization: client.authorization } : {}),
    },
    ...(client.ca ? { ca: client.ca } : {}),
    signal,
  });
  expectSuccess(response, url);
  checkMediaType(response.header('content-type'), url);
  const json = parseJsonRecord(response.body.toString('utf8'), MAX_RESPONSE_BYTES);
  if (!json.ok) throw new HttpError(`${describeUrl(url)}: ${what}: ${json.reason}`);
  const checked = schema.safeParse(json.value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const where = issue?.path.join('.') || 'body';
    throw new HttpError(`${describeUrl(url)}: not a TAXII ${what}: ${where}: ${issue?.message}`);
  }
  return { value: checked.data, header: response.header };
}

/**
 * TAXII JSON of version 2.1. A type without a version is taken as 2.1, and
 * plain application/json too (some servers send it), but HTML (a login
 * page) or another TAXII version is refused.
 */
function checkMediaType(contentType: string | undefined, url: string): void {
  const [type = '', ...parameters] = (contentType ?? '').toLowerCase().split(';');
  const version = parameters
    .map((parameter) => parameter.trim())
    .find((parameter) => parameter.startsWith('version='));
  const taxii = type.trim() === 'application/taxii+json';
  if ((taxii && (!version || version === 'version=2.1')) || type.trim() === 'application/json') {
    return;
  }
  throw new HttpError(
    `${describeUrl(url)}: answered ${contentType ?? 'no content type'}, not ${TAXII_MEDIA_TYPE}`,
  );
}
