/**
 * Checks what arrives over the WebSocket against the shared contract before
 * the store sees it: a malformed frame is reported, never applied.
 */
import { z } from 'zod';
import {
  API_EVENTS,
  API_METHODS,
  type ApiResult,
  type EventName,
  type EventOf,
  type MethodName,
  type ResultOf,
} from '../../shared/api';

const ApiErrorSchema = z.object({
  code: z.enum(['invalid', 'forbidden', 'not-found', 'internal']),
  message: z.string(),
});

const ResultEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiErrorSchema }),
]);

/** A failed result produced on this side of the wire (timeouts, lost links, bad frames). */
export function localFailure<T>(message: string): ApiResult<T> {
  return { ok: false, error: { code: 'internal', message } };
}

/** The response to `method` if it matches the contract, else a failure saying why. */
export function checkResult<M extends MethodName>(
  method: M,
  result: unknown,
): ApiResult<ResultOf<M>> {
  const envelope = ResultEnvelopeSchema.safeParse(result);
  if (!envelope.success) return localFailure(`malformed response to ${method}`);
  if (!envelope.data.ok) return envelope.data;
  const value = API_METHODS[method].result.safeParse(envelope.data.value);
  if (!value.success) return localFailure(`response to ${method} does not match the contract`);
  return { ok: true, value: value.data as ResultOf<M> };
}

/** The event's data if it matches the contract, else undefined. */
export function checkEvent<E extends EventName>(event: E, data: unknown): EventOf<E> | undefined {
  const parsed = API_EVENTS[event].safeParse(data);
  return parsed.success ? (parsed.data as EventOf<E>) : undefined;
}

/** True when the text names an event of the contract. */
export function isEventName(text: unknown): text is EventName {
  return typeof text === 'string' && Object.prototype.hasOwnProperty.call(API_EVENTS, text);
}
