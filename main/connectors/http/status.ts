/**
 * What an HTTP status means to a polling feed, said so that an analyst
 * reading the feed's health knows what to fix.
 */
import { describeUrl, HttpError, type HttpResponse } from './http-request';

/** Throws HttpError unless the answer is a 2xx. */
export function expectSuccess(response: HttpResponse, url: string): void {
  const { status } = response;
  if (status >= 200 && status < 300) return;
  throw new HttpError(`${describeUrl(url)}: ${statusReason(response)}`, status);
}

function statusReason(response: HttpResponse): string {
  const { status } = response;
  if (status >= 300 && status < 400) {
    const location = response.header('location');
    return `redirected (${status}) to ${location ?? 'nowhere'}; configure that URL instead`;
  }
  switch (status) {
    case 401:
      return '401 unauthorized: the credentials are missing or wrong';
    case 403:
      return '403 forbidden: these credentials may not read this';
    case 404:
      return '404 not found';
    case 406:
      return '406 not acceptable: the server does not offer this media type';
    case 429:
      return '429 too many requests: the server asks to poll less often';
    default:
      return `HTTP ${status}`;
  }
}
