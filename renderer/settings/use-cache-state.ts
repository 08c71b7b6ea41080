/**
 * The cache's state as every picture carries it: asked once, then taken
 * from each delta (the heartbeat sends one at least every few seconds).
 */
import { useEffect, useState } from 'react';
import type { CacheState } from '../../shared/api';
import { useApi } from '../api/api-context';
import { scopedLogger } from '../log';

const log = scopedLogger('cache-state');

const same = (a: CacheState | undefined, b: CacheState) =>
  a?.state === b.state && a.message === b.message;

export function useCacheState(): CacheState | undefined {
  const api = useApi();
  const [state, setState] = useState<CacheState>();
  useEffect(() => {
    let live = true;
    const show = (next: CacheState) => setState((shown) => (same(shown, next) ? shown : next));
    void api.call('getPicture', {}).then((answer) => {
      if (!live) return;
      if (answer.ok) show(answer.value.cache);
      else log.warn(`getPicture failed: ${answer.error.message}`);
    });
    const stop = api.on('delta', ({ picture }) => show(picture.cache));
    return () => {
      live = false;
      stop();
    };
  }, [api]);
  return state;
}
