import type { ReactElement } from 'react';
import type { ConnectionStatus } from '../api/connection-status';
import { useAppStore } from '../store/use-app-store';

const LABELS: Record<ConnectionStatus['state'], string> = {
  open: 'Live',
  connecting: 'Connecting…',
  waiting: 'Offline, retrying',
};

/** A small light and word for the link to the main process. */
export function ConnectionIndicator(): ReactElement {
  const state = useAppStore((store) => store.connection.state);
  const transport = useAppStore((store) => store.connection.transport);
  return (
    <div
      className={`connection connection-${state}`}
      role="status"
      title={transport === 'ipc' ? 'Desktop app' : 'WebSocket to serve mode'}
    >
      <span className="connection-light" />
      {LABELS[state]}
    </div>
  );
}
