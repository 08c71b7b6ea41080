/**
 * Starts the replay a wall plays, once the link is open: the window of its
 * link or profile, trimmed to the alerts in it, looping. Returns what the
 * banner should say about it (a link ignored, a window without alerts).
 */
import { useEffect, useRef, useState } from 'react';
import type { Wall } from '../../shared/wall';
import { useApi } from '../api/api-context';
import { scopedLogger } from '../log';
import { beginReplay } from '../time/begin-replay';
import { appStore, useAppStore } from '../store/use-app-store';
import { wallReplayPlan } from './wall-replay';

const log = scopedLogger('wall');

export function useWallReplay(wall: Wall): string[] {
  const api = useApi();
  const open = useAppStore((state) => state.connection.state === 'open');
  const [{ plan, note }] = useState(() => wallReplayPlan(wall, window.location.search));
  const [empty, setEmpty] = useState(false);
  // Once per page: a reconnection picks the replay up where it stands.
  const started = useRef(false);
  useEffect(() => {
    if (!plan || !open || started.current) return;
    started.current = true;
    void beginReplay(api, appStore, plan.range, { speed: plan.speed, loop: plan.loop }).then(
      (playing) => {
        if (playing) return;
        log.warn('the replayed window holds no alert');
        setEmpty(true);
      },
    );
  }, [api, plan, open]);
  return [note, empty ? 'Replay: no alerts in the chosen window' : undefined].filter(
    (text): text is string => text !== undefined,
  );
}
