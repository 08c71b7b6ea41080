/** Chooses the renderer's transport: Electron's preload bridge, or serve mode's WebSocket. */
import type { LagebildApi } from '../../shared/api';
import type { ConnectionStatus } from './connection-status';
import { createSocketApi } from './socket-api';
import { apiSocketUrl } from './socket-url';

declare global {
  interface Window {
    /** Exposed by the Electron preload script; absent in a browser. */
    lagebild?: LagebildApi;
  }
}

/**
 * The API of this page. `onStatus` hears how the link is doing: the
 * preload bridge is always open, the WebSocket comes and goes.
 */
export function connectApi(onStatus: (status: ConnectionStatus) => void = () => {}): LagebildApi {
  if (window.lagebild) {
    onStatus({ transport: 'ipc', state: 'open' });
    return window.lagebild;
  }
  return createSocketApi({ url: apiSocketUrl(window.location), onStatus });
}
