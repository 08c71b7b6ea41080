import type { StateCreator } from 'zustand';
import type { Info } from '../../shared/api';
import type { ConnectionStatus } from '../api/connection-status';
import type { AppState } from './app-state';

/** The state of the link to the main process, and what the other end said of itself. */
export interface ConnectionSlice {
  connection: ConnectionStatus;
  /** The server's answer to getInfo; undefined until the first connection. */
  info: Info | undefined;
  setConnection(status: ConnectionStatus): void;
  setInfo(info: Info): void;
}

/** Creates the connection slice; a page starts out connecting over the WebSocket. */
export const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set) => ({
  connection: { transport: 'websocket', state: 'connecting' },
  info: undefined,
  setConnection: (connection) => set({ connection }),
  setInfo: (info) => set({ info }),
});
