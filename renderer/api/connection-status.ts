/** How the renderer is connected to the main process, as the connection indicator shows it. */
export interface ConnectionStatus {
  /** Electron's preload bridge, or serve mode's WebSocket. */
  transport: 'ipc' | 'websocket';
  /** 'waiting' means the link is down and a reconnect is scheduled. */
  state: 'connecting' | 'open' | 'waiting';
  /** When the next reconnect is tried (ms since the epoch), while waiting. */
  retryAt?: number;
}
