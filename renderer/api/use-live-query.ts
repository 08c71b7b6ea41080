/**
 * A value asked of main when a view is shown and asked again while alerts
 * arrive, at most every `refreshMs` (the heartbeat delta keeps a quiet
 * picture moving too). An answer that comes after the view went away, or
 * after its inputs changed, is dropped.
 */
import { useEffect, useState } from 'react';
import type { ApiResult, LagebildApi } from '../../shared/api';
import { scopedLogger } from '../log';
import { useApi } from './api-context';

const log = scopedLogger('live-query');

export function useLiveQuery<T>(
  name: string,
  ask: (api: LagebildApi) => Promise<ApiResult<T>>,
  refreshMs: number,
  inputs: readonly unknown[],
): T | undefined {
  const api = useApi();
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    let last = 0;
    const load = async () => {
      last = Date.now();
      const result = await ask(api);
      if (!live) return;
      if (result.ok) setValue(result.value);
      else log.warn(`${name} failed: ${result.error.message}`);
    };
    void load();
    const stop = api.on('delta', () => {
      if (Date.now() - last >= refreshMs) void load();
    });
    return () => {
      live = false;
      stop();
    };
    // `inputs` stand for what `ask` reads; `ask` itself is a new function every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, name, refreshMs, ...inputs]);
  return value;
}
