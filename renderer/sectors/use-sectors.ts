/** The sector view's data: every sector over a window ending now, kept fresh while shown. */
import type { Sectors } from '../../shared/api';
import { useLiveQuery } from '../api/use-live-query';

const REFRESH_MS = 5000;
/** Slices of the window in each sparkline. */
export const SPARK_BUCKETS = 24;

export function useSectors(windowMinutes: number): Sectors | undefined {
  return useLiveQuery(
    'getSectors',
    (api) => api.call('getSectors', { windowMinutes, buckets: SPARK_BUCKETS }),
    REFRESH_MS,
    [windowMinutes],
  );
}
