import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../renderer/store/app-store';
import { timeModeOf } from '../../renderer/store/time-slice';
import { makeAlert, makePicture } from './fixtures';

const WINDOW = { from: 10_000, to: 70_000 };

function replaying(loop: boolean) {
  const store = createAppStore();
  store.getState().setRange(WINDOW);
  store.getState().startReplay({ ...WINDOW, speed: 10, loop });
  return store;
}

describe('time slice', () => {
  it('is live until a window is chosen, and the same window again changes nothing', () => {
    const store = createAppStore();
    expect(timeModeOf(store.getState())).toBe('live');
    store.getState().setRange(WINDOW);
    expect(timeModeOf(store.getState())).toBe('window');
    const before = store.getState();
    store.getState().setRange({ ...WINDOW });
    expect(store.getState()).toBe(before);
    store.getState().setRange(undefined);
    expect(timeModeOf(store.getState())).toBe('live');
  });

  it('replays from the start of the window, playing, until stopped', () => {
    const store = replaying(false);
    expect(timeModeOf(store.getState())).toBe('replay');
    expect(store.getState().replay).toMatchObject({ at: 10_000, playing: true, speed: 10 });
    store.getState().advanceReplay(5_000);
    expect(store.getState().replay?.at).toBe(15_000);
    store.getState().stopReplay();
    expect(timeModeOf(store.getState())).toBe('window');
  });

  it('steps while paused, and pauses at the end when not looping', () => {
    const store = replaying(false);
    store.getState().setPlaying(false);
    store.getState().advanceReplay(60_000);
    expect(store.getState().replay).toMatchObject({ at: 70_000, playing: false });
    store.getState().advanceReplay(60_000);
    expect(store.getState().replay?.at).toBe(70_000);
  });

  it('shows the end, then starts over when looping, counting the jump', () => {
    const store = replaying(true);
    const jumps = store.getState().replay!.jumps;
    store.getState().advanceReplay(100_000);
    expect(store.getState().replay).toMatchObject({ at: 70_000, playing: true, jumps });
    store.getState().advanceReplay(500);
    expect(store.getState().replay).toMatchObject({ at: 10_000, jumps: jumps + 1 });
  });

  it('scrubs within the window only, counting each scrub as a jump', () => {
    const store = replaying(false);
    const jumps = store.getState().replay!.jumps;
    store.getState().seekReplay(1);
    expect(store.getState().replay).toMatchObject({ at: 10_000, jumps: jumps + 1 });
    store.getState().seekReplay(99_999);
    expect(store.getState().replay?.at).toBe(70_000);
  });

  it('a new window ends the replay', () => {
    const store = replaying(false);
    store.getState().setRange({ from: 0, to: 1 });
    expect(store.getState().replay).toBeUndefined();
  });

  it('shows a past picture with its alerts, newest observed first, none as arrivals', () => {
    const store = createAppStore();
    store.getState().receiveAlerts([makeAlert(50)], 123);
    store.getState().showHistory(makePicture(500, 2), [makeAlert(1), makeAlert(3)]);
    const state = store.getState();
    expect(state.stats.alerts).toBe(2);
    expect(state.alerts.map((alert) => alert.title)).toEqual(['Alert 3', 'Alert 1']);
    expect(state.arrivedAt).toEqual({});
  });
});
