/**
 * A value asked of main when a view is shown and asked again while alerts
 * arrive, at most every `refreshMs` (the heartbeat delta keeps a quiet
 * picture moving too). Only the newest answer for the current inputs is
 * shown: an answer for other inputs, or one overtaken by a later ask, is
 * dropped, and a call that fails is logged, never thrown.
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
  const key = JSON.stringify(inputs);
  const [answer, setAnswer] = useState<{ key: string; value: T }>();
  useEffect(() => {
    let live = true;
    let asked = 0;
    let last = 0;
    const load = async () => {
      const ticket = ++asked;
      last = Date.now();
      try {
        const result = await ask(api);
        if (!live || ticket !== asked) return;
        if (result.ok) setAnswer({ key, value: result.value });
        else log.warn(`${name} failed: ${result.error.message}`);
      } catch (error) {
        log.warn(`${name} failed: ${(error as Error).message}`);
      }
    };
    void load();
    const stop = api.on('delta', () => {
      if (Date.now() - last >= refreshMs) void load();
    });
    return () => {
      live = false;
      stop();
    };
    // `key` stands for the inputs `ask` reads; `ask` itself is a new function every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, name, refreshMs, key]);
  return answer?.key === key ? answer.value : undefined;
}
