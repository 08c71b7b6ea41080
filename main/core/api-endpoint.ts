/**
 * The contract's main side: validates every call against the shared
 * schemas, refuses writes from read-only clients, and answers with result
 * objects so that no exception ever crosses a transport.
 */
import {
  API_METHODS,
  isMethodName,
  type ApiResult,
  type EventName,
  type MethodName,
  type ParamsOf,
  type ResultOf,
} from '../../shared/api';
import type { ApiEndpoint, ClientContext } from './api-types';
import { scrubSecrets } from './known-secrets';
import { scopedLogger } from './log';

const log = scopedLogger('api');

/** One function per method of the contract. */
export type ApiHandlers = {
  [M in MethodName]: (
    params: ParamsOf<M>,
    client: ClientContext,
  ) => ResultOf<M> | Promise<ResultOf<M>>;
};

/** An endpoint plus the means to push events to its subscribers. */
export interface EventfulEndpoint extends ApiEndpoint {
  publish(event: EventName, data: unknown): void;
}

/**
 * Builds the validated endpoint around the handlers. With `readOnly` (a
 * cache opened for review) every client is refused what would change it.
 */
export function createApiEndpoint(
  handlers: ApiHandlers,
  {
    readOnly = false,
    shapeEvent = (_event, data) => data,
  }: {
    readOnly?: boolean;
    /** What one client is sent of an event (a wall gets only what its TLP ceiling allows). */
    shapeEvent?: (event: EventName, data: unknown, client: ClientContext) => unknown;
  } = {},
): EventfulEndpoint {
  const listeners = new Set<(event: EventName, data: unknown) => void>();

  async function call(
    method: unknown,
    params: unknown,
    client: ClientContext,
  ): Promise<ApiResult<unknown>> {
    if (!isMethodName(method)) {
      log.warn(`refused unknown method from ${client.name}: ${String(method).slice(0, 60)}`);
      return { ok: false, error: { code: 'invalid', message: 'unknown method' } };
    }
    const spec = API_METHODS[method];
    if (spec.mutates && (client.readOnly || readOnly)) {
      log.warn(`refused ${method} from ${client.name}: read-only`);
      return {
        ok: false,
        error: {
          code: 'forbidden',
          message: `${method} is not allowed: ${readOnly ? 'the cache is open read-only' : 'this client is read-only'}`,
        },
      };
    }
    if (client.wall && !('forWalls' in spec)) {
      log.warn(`refused ${method} from ${client.name}: not for wall screens`);
      return {
        ok: false,
        error: { code: 'forbidden', message: `${method} is not allowed on a wall screen` },
      };
    }
    const parsed = spec.params.safeParse(params ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const message = `invalid parameters for ${method}: ${issue?.path.join('.') || 'params'}: ${issue?.message}`;
      log.warn(`${message} (from ${client.name})`);
      return { ok: false, error: { code: 'invalid', message } };
    }
    try {
      const handler = handlers[method] as (p: unknown, c: ClientContext) => unknown;
      return { ok: true, value: await handler(parsed.data, client) };
    } catch (error) {
      log.error(`${method} failed: ${(error as Error).stack ?? String(error)}`);
      return {
        ok: false,
        // A server's answer quoted in an error (a TAXII Location header) may echo a secret.
        error: {
          code: 'internal',
          message: scrubSecrets(`${method} failed: ${(error as Error).message}`),
        },
      };
    }
  }

  return {
    call,
    subscribe(listener, client) {
      const shaped: typeof listener = client
        ? (event, data) => listener(event, shapeEvent(event, data, client))
        : listener;
      listeners.add(shaped);
      return () => listeners.delete(shaped);
    },
    publish(event, data) {
      for (const listener of listeners) {
        try {
          listener(event, data);
        } catch (error) {
          log.error(`event listener failed: ${(error as Error).message}`);
        }
      }
    },
  };
}
