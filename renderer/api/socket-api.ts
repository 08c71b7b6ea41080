/**
 * Serve mode's transport: the LagebildApi over one WebSocket, with request
 * ids, a timeout per request and automatic reconnection with capped backoff.
 * Calls made while the link is down wait for it (within their timeout).
 */
import type {
  ApiResult,
  EventName,
  EventOf,
  LagebildApi,
  MethodName,
  ParamsOf,
  ResultOf,
} from '../../shared/api';
import type { RequestFrame } from '../../shared/wire';
import { scopedLogger } from '../log';
import { reconnectDelay } from './backoff';
import type { ConnectionStatus } from './connection-status';
import { checkEvent, checkResult, isEventName, localFailure } from './wire-checks';

const log = scopedLogger('api');

/** What the socket transport needs from its surroundings; tests pass fakes. */
export interface SocketApiOptions {
  url: string;
  onStatus: (status: ConnectionStatus) => void;
  /** How long a call may wait for its answer, including time spent waiting for the link. */
  timeoutMs?: number;
  openSocket?: (url: string) => WebSocket;
  random?: () => number;
}

interface Pending {
  method: MethodName;
  frame: string;
  sent: boolean;
  timer: ReturnType<typeof setTimeout>;
  settle: (result: ApiResult<unknown>) => void;
}

type Handler = (data: EventOf<EventName>) => void;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Opens the WebSocket at `url` and keeps it open for the life of the page. */
export function createSocketApi(options: SocketApiOptions): LagebildApi {
  const { url, onStatus, timeoutMs = 15_000, random = Math.random } = options;
  const openSocket = options.openSocket ?? ((address: string) => new WebSocket(address));
  const pending = new Map<number, Pending>();
  const handlers = new Map<EventName, Set<Handler>>();
  let socket: WebSocket | undefined;
  let nextId = 1;
  let attempt = 0;

  const settle = (id: number, result: ApiResult<unknown>) => {
    const request = pending.get(id);
    if (!request) return;
    pending.delete(id);
    clearTimeout(request.timer);
    request.settle(result);
  };

  const send = (request: Pending) => {
    socket?.send(request.frame);
    request.sent = true;
  };

  const receive = (raw: unknown) => {
    let frame: unknown;
    try {
      frame = typeof raw === 'string' ? JSON.parse(raw) : undefined;
    } catch {
      frame = undefined;
    }
    if (!isRecord(frame)) {
      log.warn('ignored a frame that is not a JSON object');
    } else if (typeof frame.id === 'number') {
      const request = pending.get(frame.id);
      if (request) settle(frame.id, checkResult(request.method, frame.result));
    } else if (isEventName(frame.event)) {
      const data = checkEvent(frame.event, frame.data);
      if (data === undefined) log.warn(`ignored a ${frame.event} event that breaks the contract`);
      else handlers.get(frame.event)?.forEach((handler) => handler(data));
    } else {
      log.warn('ignored a frame that is neither a response nor an event');
    }
  };

  const connect = () => {
    onStatus({ transport: 'websocket', state: 'connecting' });
    const current = openSocket(url);
    current.addEventListener('open', () => {
      socket = current;
      attempt = 0;
      onStatus({ transport: 'websocket', state: 'open' });
      pending.forEach((request) => {
        if (!request.sent) send(request);
      });
    });
    current.addEventListener('message', (event) => receive(event.data));
    current.addEventListener('close', () => {
      socket = undefined;
      // Answers to requests already sent are lost with the link; unsent ones wait for the next.
      pending.forEach((request, id) => {
        if (request.sent) settle(id, localFailure(`connection lost during ${request.method}`));
      });
      const delay = reconnectDelay(attempt, random);
      attempt += 1;
      onStatus({ transport: 'websocket', state: 'waiting', retryAt: Date.now() + delay });
      setTimeout(connect, delay);
    });
  };

  connect();

  return {
    call<M extends MethodName>(method: M, params: ParamsOf<M>): Promise<ApiResult<ResultOf<M>>> {
      return new Promise((resolve) => {
        const id = nextId;
        nextId += 1;
        const frame: RequestFrame = { id, method, params };
        const timer = setTimeout(
          () => settle(id, localFailure(`${method} had no answer within ${timeoutMs} ms`)),
          timeoutMs,
        );
        const request: Pending = {
          method,
          frame: JSON.stringify(frame),
          sent: false,
          timer,
          settle: (result) => resolve(result as ApiResult<ResultOf<M>>),
        };
        pending.set(id, request);
        if (socket) send(request);
      });
    },
    on<E extends EventName>(event: E, handler: (data: EventOf<E>) => void): () => void {
      const set = handlers.get(event) ?? new Set<Handler>();
      handlers.set(event, set);
      set.add(handler as Handler);
      return () => set.delete(handler as Handler);
    },
  };
}
