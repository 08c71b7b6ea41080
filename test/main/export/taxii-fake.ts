/**
 * A TAXII 2.1 collection on loopback for the publish tests: it takes the
 * objects POSTed to it, answers with a pending status, completes it after
 * a given number of polls, and refuses the objects it is told to. Only a
 * bearer token of "t0ken" is let in.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TaxiiDestination } from '../../../main/core/sharing-config';

const MEDIA_TYPE = 'application/taxii+json;version=2.1';
const COLLECTION = '365fed99-08fa-fdcd-a1b3-fb247eb41d01';

/** The environment variable the destination names for its token. */
export const TOKEN_ENV = 'LAGEBILD_TEST_TAXII_TOKEN';

/** A running fake collection. */
export interface FakeTaxii {
  seen: Seen[];
  destination: TaxiiDestination;
  received(): { id: string }[];
  close(): Promise<void>;
}

/** A request the server saw. */
export interface Seen {
  method: string;
  path: string;
  contentType?: string;
  authorization?: string;
  body: string;
}

/** A TAXII server that takes objects, answers pending, and completes after `pollsToComplete` polls. */
export async function taxiiServer(
  pollsToComplete: number,
  refuse: string[] = [],
): Promise<FakeTaxii> {
  const seen: Seen[] = [];
  let received: { id: string }[] = [];
  let polls = 0;
  const read = (request: IncomingMessage) =>
    new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  const status = (done: boolean) => {
    const failures = received.filter((object) => refuse.includes(object.id));
    const taken = received.length - failures.length;
    return {
      id: 'status-1',
      status: done ? 'complete' : 'pending',
      total_count: received.length,
      success_count: done ? taken : 0,
      failure_count: done ? failures.length : 0,
      pending_count: done ? 0 : received.length,
      failures: done ? failures.map(({ id }) => ({ id, message: 'not wanted' })) : [],
    };
  };
  const server: Server = createServer(async (request, response) => {
    const body = await read(request);
    seen.push({
      method: request.method ?? '',
      path: request.url ?? '',
      contentType: request.headers['content-type'],
      authorization: request.headers.authorization,
      body,
    });
    const answer = (code: number, value: unknown) => {
      response.writeHead(code, { 'Content-Type': MEDIA_TYPE });
      response.end(JSON.stringify(value));
    };
    if (request.headers.authorization !== 'Bearer t0ken') return answer(401, {});
    if (request.method === 'POST' && request.url === `/api1/collections/${COLLECTION}/objects/`) {
      received = (JSON.parse(body) as { objects: { id: string }[] }).objects;
      return answer(202, status(false));
    }
    if (request.method === 'GET' && request.url === '/api1/status/status-1/') {
      polls += 1;
      return answer(200, status(polls >= pollsToComplete));
    }
    return answer(404, {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const destination: TaxiiDestination = {
    name: 'partners',
    title: 'Partner ISAC',
    url: `http://127.0.0.1:${port}/api1/`,
    collection: COLLECTION,
    auth: { type: 'bearer', tokenEnv: TOKEN_ENV },
  };
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { seen, destination, received: () => received, close };
}
