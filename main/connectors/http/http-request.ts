/**
 * One HTTP request of a polling feed, bounded in time and size. Node's
 * fetch does the work; only a feed that trusts its own CA goes through
 * node:https, because fetch takes no CA of its own without an undici
 * Agent, and undici is not a dependency of Lagebild (node_modules has it
 * only as a build tool's dependency).
 */
import { request as httpsRequest } from 'node:https';

/** What a feed asks. */
export interface HttpRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** CA certificates (PEM) to trust instead of the system's, for https. */
  ca?: string;
  /** Ends the request when the feed stops. */
  signal: AbortSignal;
}

/** What the server answered. */
export interface HttpResponse {
  status: number;
  header(name: string): string | undefined;
  body: Buffer;
}

/** A request that failed, with a message fit for the feed's health line. */
export class HttpError extends Error {
  override name = 'HttpError';

  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** No answer within this time is a failure (a slow server must not hold a poll for ever). */
const TIMEOUT_MS = 60_000;
/** Largest answer read: a TAXII page or MISP event beyond it is refused. */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** Sends `request`; network failures, timeouts and oversized answers throw HttpError. */
export async function httpRequest(request: HttpRequest): Promise<HttpResponse> {
  const signal = AbortSignal.any([request.signal, AbortSignal.timeout(TIMEOUT_MS)]);
  try {
    const useCa = request.ca !== undefined && request.url.startsWith('https:');
    return await (useCa ? viaHttps(request, signal) : viaFetch(request, signal));
  } catch (error) {
    if (request.signal.aborted) throw error;
    if (error instanceof HttpError) throw error;
    throw new HttpError(`${describeUrl(request.url)}: ${failureReason(error)}`);
  }
}

/** The URL as messages show it: without its query, which may be long. */
export function describeUrl(url: string): string {
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}

async function viaFetch(request: HttpRequest, signal: AbortSignal): Promise<HttpResponse> {
  // Redirects are not followed: a feed's credentials go only where it is configured to send them.
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    redirect: 'manual',
    signal,
  });
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_RESPONSE_BYTES) throw tooLarge(request.url);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
    size += read.value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader?.cancel();
      throw tooLarge(request.url);
    }
    chunks.push(Buffer.from(read.value));
  }
  return {
    status: response.status,
    header: (name) => response.headers.get(name) ?? undefined,
    body: Buffer.concat(chunks),
  };
}

function viaHttps(request: HttpRequest, signal: AbortSignal): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpsRequest(
      request.url,
      { method: request.method, headers: request.headers, ca: request.ca, signal },
      (incoming) => {
        const chunks: Buffer[] = [];
        let size = 0;
        incoming.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) incoming.destroy(tooLarge(request.url));
          else chunks.push(chunk);
        });
        incoming.on('error', reject);
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            header: (name) => {
              const value = incoming.headers[name.toLowerCase()];
              return Array.isArray(value) ? value.join(', ') : value;
            },
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

function tooLarge(url: string): HttpError {
  return new HttpError(`${describeUrl(url)}: answer larger than ${MAX_RESPONSE_BYTES} bytes`);
}

/** The useful part of a network error: fetch hides the cause under "fetch failed". */
function failureReason(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof Error && cause.name === 'TimeoutError') return 'no answer in time';
  const code = (cause as { code?: unknown }).code;
  const message = cause instanceof Error ? cause.message : String(cause);
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}
