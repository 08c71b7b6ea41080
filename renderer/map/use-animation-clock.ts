import { useEffect, useState } from 'react';

/**
 * The current time (ms since the epoch), refreshed on every animation frame
 * until `until`, then frozen so that an idle map renders nothing. A new
 * `until` always brings one fresh reading.
 */
export function useAnimationClock(until: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    let frame = requestAnimationFrame(function tick() {
      const time = Date.now();
      setNow(time);
      if (time < until) frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [until]);
  return now;
}
