/**
 * One WebSocket client of serve mode: each request frame is checked for
 * shape, handed to the endpoint (which validates the parameters) and
 * answered; events are pushed unless the client is too far behind.
 */
import type { WebSocket } from 'ws';
import type { EventName } from '../../shared/api';
import type { ResponseFrame, ServerFrame } from '../../shared/wire';
import type { ApiEndpoint, ClientContext } from '../core/api-types';
import { scopedLogger } from '../core/log';

const log = scopedLogger('serve');

/** A client that has this much unsent data gets no more events until it catches up. */
const MAX_BUFFERED_BYTES = 8 << 20;
/**
 * A client with this many calls unanswered, or that lets twice the data
 * above pile up unread, is cut off: it cannot make the server hold
 * answers for it without bound or starve the other clients.
 */
const MAX_CALLS_IN_FLIGHT = 32;

/** Reads a request frame, or says what is wrong with it. */
export function readRequest(
  text: string,
): { id: number; method: unknown; params: unknown } | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not an object';
  const { id, method, params } = value as Record<string, unknown>;
  if (!Number.isSafeInteger(id)) return 'missing or invalid id';
  return { id: id as number, method, params };
}

/** Wires one connected socket to the endpoint until it closes. */
export function runSession(socket: WebSocket, endpoint: ApiEndpoint, client: ClientContext): void {
  const send = (frame: ServerFrame) => socket.send(JSON.stringify(frame));
  log.info(`${client.name} connected${client.readOnly ? ' (read-only)' : ''}`);

  const unsubscribe = endpoint.subscribe((event: EventName, data: unknown) => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      log.warn(`${client.name} is too slow; an ${event} event was not sent`);
      return;
    }
    send({ event, data });
  }, client);

  let inFlight = 0;
  socket.on('message', (data, isBinary) => {
    const request = isBinary ? 'binary frames are not accepted' : readRequest(data.toString());
    if (typeof request === 'string') {
      log.warn(`${client.name} sent a malformed frame: ${request}`);
      socket.close(1003, request);
      return;
    }
    if (inFlight >= MAX_CALLS_IN_FLIGHT || socket.bufferedAmount > 2 * MAX_BUFFERED_BYTES) {
      log.warn(`${client.name} asks faster than it reads; disconnected`);
      socket.terminate();
      return;
    }
    inFlight += 1;
    void endpoint.call(request.method, request.params, client).then((result) => {
      inFlight -= 1;
      if (socket.readyState !== socket.OPEN) return;
      try {
        send({ id: request.id, result });
      } catch (error) {
        // An answer too large to serialise (V8's string limit) must not end
        // the process for every client: this caller gets an error instead.
        log.error(
          `${client.name}: the answer to ${String(request.method)} failed: ${(error as Error).message}`,
        );
        const failed: ResponseFrame = {
          id: request.id,
          result: {
            ok: false,
            error: { code: 'internal', message: 'the answer was too large to send' },
          },
        };
        send(failed);
      }
    });
  });

  socket.on('close', () => {
    unsubscribe();
    log.info(`${client.name} disconnected`);
  });
  socket.on('error', (error) => log.warn(`${client.name}: ${error.message}`));
}
