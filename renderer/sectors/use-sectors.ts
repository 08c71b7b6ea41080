/** The sector view's data: every sector over a window ending now, or over a past window, kept fresh while shown. */
import type { Sectors } from '../../shared/api';
import { useLiveQuery } from '../api/use-live-query';
import type { TimeRange } from '../route/route';

const REFRESH_MS = 5000;
/** Slices of the window in each sparkline. */
export const SPARK_BUCKETS = 24;

export function useSectors(windowMinutes: number, range?: TimeRange): Sectors | undefined {
  const from = range?.from;
  const to = range?.to;
  return useLiveQuery(
    'getSectors',
    (api) =>
      api.call(
        'getSectors',
        from !== undefined && to !== undefined
          ? { from, to, buckets: SPARK_BUCKETS }
          : { windowMinutes, buckets: SPARK_BUCKETS },
      ),
    REFRESH_MS,
    [windowMinutes, from, to],
  );
}
