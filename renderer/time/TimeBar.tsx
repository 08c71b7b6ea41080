/**
 * The analyst's time control: live, or a past window of the cache (a
 * preset reaching back from now, all of it, or from and to as typed), and
 * the replay of that window. The window is part of the route, so it is a
 * link that can be reopened.
 */
import './time.css';
import { useState, type ReactElement } from 'react';
import { useApi } from '../api/api-context';
import type { TimeRange } from '../route/route';
import { navigateInTime, useRoute } from '../route/use-route';
import { timeModeOf, REPLAY_SPEEDS } from '../store/time-slice';
import { appStore, useAppStore } from '../store/use-app-store';
import { beginReplay } from './begin-replay';
import { ANALYST_ZONES, ReplayBadge } from './ReplayBadge';
import { ReplayControls } from './ReplayControls';
import { formatInstant, fromLocalInput, toLocalInput } from './time-format';

const HOUR = 3_600_000;

/** Presets as how far back from now they reach; 0 is all of the cache. */
const PRESETS: [label: string, reach: number][] = [
  ['1 h', HOUR],
  ['24 h', 24 * HOUR],
  ['7 d', 7 * 24 * HOUR],
  ['All', 0],
];

const presetRange = (reach: number, now = Date.now()): TimeRange => ({
  from: reach === 0 ? 0 : now - reach,
  to: now,
});

/** The typed window: from and to as datetime-local inputs, shown once asked for. */
function CustomWindow({ range }: { range: TimeRange | undefined }): ReactElement {
  const route = useRoute();
  const [from, setFrom] = useState(() => toLocalInput(range?.from ?? Date.now() - HOUR));
  const [to, setTo] = useState(() => toLocalInput(range?.to ?? Date.now()));
  const fromMs = fromLocalInput(from);
  // The minute typed as the end is included.
  const toMs = (fromLocalInput(to) ?? Number.NaN) + 59_999;
  const valid = fromMs !== undefined && Number.isFinite(toMs) && fromMs <= toMs;
  return (
    <form
      className="time-custom"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) navigateInTime(route, { from: fromMs, to: toMs });
      }}
    >
      <label>
        From
        <input
          type="datetime-local"
          data-testid="time-from"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
        />
      </label>
      <label>
        To
        <input
          type="datetime-local"
          data-testid="time-to"
          value={to}
          onChange={(event) => setTo(event.target.value)}
        />
      </label>
      <button type="submit" data-testid="time-apply" disabled={!valid}>
        Show
      </button>
    </form>
  );
}

/** Starts replaying the window shown, at a chosen speed. */
function ReplayStart({ range }: { range: TimeRange }): ReactElement {
  const api = useApi();
  const [speed, setSpeed] = useState<number>(REPLAY_SPEEDS[2]);
  const [note, setNote] = useState<string>();
  const start = async () => {
    setNote(undefined);
    const started = await beginReplay(api, appStore, range, { speed, loop: false });
    if (!started) setNote('No alerts in this window to replay.');
  };
  return (
    <div className="time-row">
      <button type="button" data-testid="replay-start" onClick={() => void start()}>
        ▶ Replay
      </button>
      <select
        aria-label="Replay speed"
        data-testid="replay-start-speed"
        value={speed}
        onChange={(event) => setSpeed(Number(event.target.value))}
      >
        {REPLAY_SPEEDS.map((value) => (
          <option key={value} value={value}>
            {value}×
          </option>
        ))}
      </select>
      {note && <span className="time-note">{note}</span>}
    </div>
  );
}

export function TimeBar(): ReactElement {
  const route = useRoute();
  const range = useAppStore((state) => state.range);
  const mode = useAppStore(timeModeOf);
  const [custom, setCustom] = useState(false);
  return (
    <section
      className={`time-bar time-${mode}`}
      aria-label="Time"
      data-testid="time-bar"
      data-mode={mode}
    >
      <div className="time-row time-presets" role="group" aria-label="Window">
        <button
          type="button"
          data-testid="time-live"
          aria-pressed={mode === 'live'}
          onClick={() => navigateInTime(route, undefined)}
        >
          Live
        </button>
        {PRESETS.map(([label, reach]) => (
          <button
            key={label}
            type="button"
            data-testid={`time-preset-${label.replace(/\s/g, '')}`}
            onClick={() => navigateInTime(route, presetRange(reach))}
          >
            {label}
          </button>
        ))}
        <button type="button" aria-expanded={custom} onClick={() => setCustom(!custom)}>
          Custom…
        </button>
      </div>
      {custom && <CustomWindow range={range} />}
      {range && mode === 'window' && (
        <p className="window-badge" data-testid="window-badge">
          Past window {range.from === 0 ? 'from the start' : formatInstant(range.from)} →{' '}
          {formatInstant(range.to)}
        </p>
      )}
      {range && mode === 'window' && <ReplayStart range={range} />}
      <ReplayBadge zones={ANALYST_ZONES} />
      <ReplayControls />
    </section>
  );
}
