/** The time in each configured zone, to the minute, ticking with the wall clock. */
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import type { Clock } from '../../shared/wall';

export function WallClocks({ clocks }: { clocks: readonly Clock[] }): ReactElement {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const formats = useMemo(
    () =>
      clocks.map(
        (clock) =>
          new Intl.DateTimeFormat(undefined, {
            timeZone: clock.timeZone,
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          }),
      ),
    [clocks],
  );
  return (
    <ul className="wall-clocks" aria-label="Clocks">
      {clocks.map((clock, i) => (
        // Two clocks may share a label: the place in the list tells them apart.
        <li key={`${i}:${clock.label}`}>
          <span className="wall-clock-time">{formats[i]?.format(now)}</span>
          <span className="wall-clock-label">{clock.label}</span>
        </li>
      ))}
    </ul>
  );
}
