/**
 * A TAXII 2.1 server on loopback for the tests, serving the medallion
 * sample data as the specification says: discovery, API roots, collections
 * and Get Objects with added_after, limit, next, `more` and the
 * X-TAXII-Date-Added-First/-Last headers, behind HTTP basic or bearer auth.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { samplePath } from '../../../support/samples';

const MEDIA_TYPE = 'application/taxii+json;version=2.1';
const SAMPLE_BASE = 'http://localhost:5000';

interface ManifestEntry {
  id: string;
  date_added: string;
  version: string;
}
interface StixObject {
  id: string;
  modified?: string;
  created?: string;
  [key: string]: unknown;
}
interface SampleCollection {
  id: string;
  title: string;
  can_read: boolean;
  can_write: boolean;
  media_types: string[];
  objects: StixObject[];
  manifest: ManifestEntry[];
  description?: string;
}
type SampleData = Record<string, unknown> & { '/discovery': Record<string, unknown> };

/** What the server was asked, for the tests to check. */
export interface SeenRequest {
  path: string;
  query: URLSearchParams;
  authorization?: string;
  accept?: string;
}

/** A running test server. */
export interface TaxiiServer {
  /** The discovery URL. */
  url: string;
  requests: SeenRequest[];
  /** Adds an object version to a collection of trustgroup1, added at `dateAdded`. */
  add(collectionId: string, object: StixObject, dateAdded: string): void;
  /** Makes the next `count` pages with objects fail with 500 once `afterPages` more were served. */
  failPages(afterPages: number, count: number): void;
  close(): Promise<void>;
}

/** Starts the server on an OS-chosen loopback port; `tls` serves HTTPS. */
export async function startTaxiiServer(options: {
  authorization: string;
  tls?: { cert: string; key: string };
  /** Where the discovery answer says the API roots are (default: this server). */
  discoveryBase?: string;
}): Promise<TaxiiServer> {
  const data = JSON.parse(
    readFileSync(samplePath('taxii21', 'medallion_default_data.json'), 'utf8'),
  ) as SampleData;
  const requests: SeenRequest[] = [];
  let base = '';
  let pagesServed = 0;
  let failure: { after: number; left: number } | undefined;

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push({
      path: url.pathname,
      query: url.searchParams,
      authorization: request.headers.authorization,
      accept: request.headers.accept,
    });
    if (request.headers.authorization !== options.authorization) {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="taxii"' }).end();
      return;
    }
    if (request.headers.accept !== MEDIA_TYPE) {
      response.writeHead(406).end();
      return;
    }
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts.length === 1 && parts[0] === 'taxii2') {
      return send(response, rebase(data['/discovery'], options.discoveryBase ?? base));
    }
    const root = data[parts[0] ?? ''] as
      { information: unknown; collections: SampleCollection[] } | undefined;
    if (!root) return notFound(response);
    if (parts.length === 1) return send(response, root.information);
    if (parts.length === 2 && parts[1] === 'collections') {
      const collections = root.collections.map(({ objects: _o, manifest: _m, ...rest }) => rest);
      return send(response, { collections });
    }
    const collection = root.collections.find((c) => c.id === parts[2]);
    if (parts.length !== 4 || parts[3] !== 'objects' || !collection) return notFound(response);
    if (!collection.can_read) return send(response, { title: 'forbidden' }, 403);
    const page = objectsPage(collection, url.searchParams);
    if (page.objects.length > 0 && failure && pagesServed >= failure.after && failure.left > 0) {
      failure.left -= 1;
      return send(response, { title: 'temporarily broken' }, 500);
    }
    if (page.objects.length > 0) pagesServed += 1;
    return send(response, page.envelope, 200, page.headers);
  };

  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, handle)
    : createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    url: `${base}/taxii2/`,
    requests,
    add(collectionId, object, dateAdded) {
      const root = data.trustgroup1 as { collections: SampleCollection[] };
      const collection = root.collections.find((c) => c.id === collectionId)!;
      collection.objects.push(object);
      const version = object.modified ?? object.created ?? dateAdded;
      collection.manifest.push({ id: object.id, date_added: dateAdded, version });
    },
    failPages(afterPages, count) {
      failure = { after: pagesServed + afterPages, left: count };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Get Objects: the manifest's versions added after added_after, oldest
 * first, `limit` per page; `next` is an offset into that list. No objects
 * is an empty envelope without date headers.
 */
function objectsPage(collection: SampleCollection, query: URLSearchParams) {
  const after = query.get('added_after');
  const entries = collection.manifest
    .filter((entry) => after === null || microseconds(entry.date_added) > microseconds(after))
    .sort((a, b) => microseconds(a.date_added) - microseconds(b.date_added));
  const start = Number(query.get('next') ?? 0);
  const limit = Number(query.get('limit') ?? 100);
  const page = entries.slice(start, start + limit);
  const objects = page.map((entry) => versionOf(collection, entry));
  if (page.length === 0) return { objects, envelope: {}, headers: {} as Record<string, string> };
  const more = start + limit < entries.length;
  return {
    objects,
    envelope: more ? { more, next: String(start + limit), objects } : { more, objects },
    headers: {
      'X-TAXII-Date-Added-First': page[0]!.date_added,
      'X-TAXII-Date-Added-Last': page[page.length - 1]!.date_added,
    },
  };
}

/** The object version a manifest entry names (a marking definition has only `created`). */
function versionOf(collection: SampleCollection, entry: ManifestEntry): StixObject {
  return collection.objects.find(
    (object) => object.id === entry.id && (object.modified ?? object.created) === entry.version,
  )!;
}

/** A TAXII timestamp in microseconds since the epoch, so that 6 fraction digits compare right. */
function microseconds(timestamp: string): number {
  const match = /^(.*?)(?:\.(\d+))?Z$/.exec(timestamp)!;
  const fraction = (match[2] ?? '').padEnd(6, '0').slice(0, 6);
  return Date.parse(`${match[1]}Z`) * 1000 + Number(fraction);
}

function rebase(value: unknown, base: string): unknown {
  return JSON.parse(JSON.stringify(value).replaceAll(SAMPLE_BASE, base));
}

function send(
  response: ServerResponse,
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'Content-Type': MEDIA_TYPE, ...headers });
  response.end(JSON.stringify(body));
}

function notFound(response: ServerResponse) {
  send(response, { title: 'not found' }, 404);
}
