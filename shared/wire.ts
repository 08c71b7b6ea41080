/**
 * Frames of serve mode's WebSocket protocol. Requests carry an id that the
 * response repeats; events carry a name from the contract.
 */
import type { ApiResult, EventName, MethodName } from './api';

/** A request from a client. */
export interface RequestFrame {
  id: number;
  method: MethodName;
  params: unknown;
}

/** The answer to one request. */
export interface ResponseFrame {
  id: number;
  result: ApiResult<unknown>;
}

/** A pushed event. */
export interface EventFrame {
  event: EventName;
  data: unknown;
}

export type ServerFrame = ResponseFrame | EventFrame;
