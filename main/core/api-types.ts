/**
 * How a transport talks to the core: one call entry point that validates
 * and answers with result objects, and one event subscription.
 */
import type { ApiResult, EventName } from '../../shared/api';
import type { Wall } from '../../shared/wall';

/** Who is calling: read-only clients (wall screens) may not change state. */
export interface ClientContext {
  name: string;
  readOnly: boolean;
  /** The wall profile a wall screen plays: its TLP ceiling is enforced on all it is sent. */
  wall?: Wall;
}

/** The API as a transport sees it; arguments are validated inside. */
export interface ApiEndpoint {
  call(method: unknown, params: unknown, client: ClientContext): Promise<ApiResult<unknown>>;
  /**
   * Receives every event, as `client` may see it when given (without one,
   * as main sees it); returns the function that unsubscribes.
   */
  subscribe(
    listener: (event: EventName, data: unknown) => void,
    client?: ClientContext,
  ): () => void;
}
