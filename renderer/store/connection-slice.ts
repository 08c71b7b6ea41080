import type { StateCreator } from 'zustand';
import type { ConnectionStatus } from '../api/connection-status';
import type { AppState } from './app-state';

/** The state of the link to the main process. */
export interface ConnectionSlice {
  connection: ConnectionStatus;
  setConnection(status: ConnectionStatus): void;
}

/** Creates the connection slice; a page starts out connecting over the WebSocket. */
export const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set) => ({
  connection: { transport: 'websocket', state: 'connecting' },
  setConnection: (connection) => set({ connection }),
});
