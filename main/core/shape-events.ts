/**
 * Events as each client may see them: a wall's deltas carry only the
 * alerts under its TLP ceiling and the picture computed under it.
 */
import type { EventName, PictureDelta } from '../../shared/api';
import type { ClientContext } from './api-types';
import { ceilingOf, visibleAlerts } from './client-view';
import type { DeltaPublisher } from './delta-publisher';

/** The shaper of events for `createApiEndpoint`. */
export function eventShaper(publisher: DeltaPublisher) {
  return (event: EventName, data: unknown, client: ClientContext): unknown => {
    const ceiling = ceilingOf(client);
    if (event !== 'delta' || ceiling === undefined) return data;
    const delta = data as PictureDelta;
    return { added: visibleAlerts(delta.added, client), picture: publisher.picture(ceiling) };
  };
}
