/**
 * The wall profile this screen plays, asked of main once the link is open:
 * main decides it from the page's ?profile= and enforces its TLP ceiling.
 */
import { useEffect, useState } from 'react';
import type { Wall } from '../../shared/wall';
import { useApi } from '../api/api-context';
import { scopedLogger } from '../log';
import { useAppStore } from '../store/use-app-store';

const log = scopedLogger('wall');

export function useWall(): Wall | undefined {
  const api = useApi();
  const open = useAppStore((state) => state.connection.state === 'open');
  const [wall, setWall] = useState<Wall>();
  useEffect(() => {
    if (!open || wall) return;
    let live = true;
    void api.call('getWall', {}).then((result) => {
      if (!live) return;
      if (result.ok && result.value) setWall(result.value);
      else
        log.warn(
          `getWall gave no profile: ${result.ok ? 'not a wall client' : result.error.message}`,
        );
    });
    return () => {
      live = false;
    };
  }, [api, open, wall]);
  return wall;
}
