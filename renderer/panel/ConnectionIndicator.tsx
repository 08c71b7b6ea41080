import type { ReactElement } from 'react';
import type { ConnectionStatus } from '../api/connection-status';
import { timeModeOf } from '../store/time-slice';
import { useAppStore } from '../store/use-app-store';

const LABELS: Record<ConnectionStatus['state'], string> = {
  // "Live" only while live data is shown: a past window or a replay is
  // connected all the same, and its badge says what is on screen.
  open: 'Connected',
  connecting: 'Connecting…',
  waiting: 'Offline, retrying',
};

/** A small light and word for the link to the main process. */
export function ConnectionIndicator(): ReactElement {
  const state = useAppStore((store) => store.connection.state);
  const transport = useAppStore((store) => store.connection.transport);
  const live = useAppStore((store) => timeModeOf(store) === 'live');
  const label = state === 'open' && live ? 'Live' : LABELS[state];
  return (
    <div
      className={`connection connection-${state}`}
      role="status"
      title={transport === 'ipc' ? 'Desktop app' : 'WebSocket to serve mode'}
    >
      <span className="connection-light" />
      {label}
    </div>
  );
}
