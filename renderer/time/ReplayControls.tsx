/** Play and pause, one step on, the speed, a scrubber over the window, and back to the window. */
import type { ReactElement } from 'react';
import { useAppStore } from '../store/use-app-store';
import { REPLAY_SPEEDS, REPLAY_STEP_MS } from '../store/time-slice';
import { formatSpan } from './time-format';

/** The speeds offered, with the one playing when it is not among them (a wall's). */
function speedsWith(speed: number): number[] {
  const speeds: number[] = [...REPLAY_SPEEDS];
  return speeds.includes(speed) ? speeds : [...speeds, speed].sort((a, b) => a - b);
}

export function ReplayControls(): ReactElement | null {
  const replay = useAppStore((state) => state.replay);
  const setPlaying = useAppStore((state) => state.setPlaying);
  const advance = useAppStore((state) => state.advanceReplay);
  const seek = useAppStore((state) => state.seekReplay);
  const setSpeed = useAppStore((state) => state.setReplaySpeed);
  const stop = useAppStore((state) => state.stopReplay);
  if (!replay) return null;
  const ended = replay.at >= replay.to;
  return (
    <div className="replay-controls" data-testid="replay-controls">
      <div className="time-row">
        <button
          type="button"
          data-testid="replay-play"
          aria-pressed={replay.playing}
          // Play at the end starts over.
          onClick={() => {
            if (ended) seek(replay.from);
            setPlaying(ended || !replay.playing);
          }}
        >
          {replay.playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <button
          type="button"
          data-testid="replay-step"
          title={`On by ${formatSpan(REPLAY_STEP_MS)} of replayed time`}
          disabled={ended}
          onClick={() => advance(REPLAY_STEP_MS)}
        >
          Step +1 min
        </button>
        <select
          aria-label="Replay speed"
          data-testid="replay-speed"
          value={replay.speed}
          onChange={(event) => setSpeed(Number(event.target.value))}
        >
          {speedsWith(replay.speed).map((speed) => (
            <option key={speed} value={speed}>
              {speed}×
            </option>
          ))}
        </select>
        <button type="button" data-testid="replay-stop" onClick={stop}>
          ■ Stop
        </button>
      </div>
      <input
        type="range"
        className="replay-scrubber"
        aria-label="Replayed time"
        data-testid="replay-scrubber"
        min={replay.from}
        max={replay.to}
        step={1000}
        value={replay.at}
        onChange={(event) => seek(Number(event.target.value))}
      />
      <div className="replay-extent">
        <span>{formatSpan(replay.at - replay.from)} in</span>
        <span>{formatSpan(replay.to - replay.at)} to go</span>
      </div>
    </div>
  );
}
