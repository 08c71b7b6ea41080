import { describe, expect, it } from 'vitest';
import { MAX_ALERTS } from '../../renderer/store/alerts-slice';
import { createAppStore } from '../../renderer/store/app-store';
import { makeAlert } from './fixtures';

const range = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => makeAlert(from + i));

describe('alerts slice', () => {
  it('keeps alerts newest first whatever order they come in', () => {
    const store = createAppStore();
    store.getState().seedAlerts([makeAlert(2), makeAlert(5), makeAlert(1)]);
    store.getState().receiveAlerts([makeAlert(4), makeAlert(6)], 0);
    expect(store.getState().alerts.map((alert) => alert.title)).toEqual([
      'Alert 6',
      'Alert 5',
      'Alert 4',
      'Alert 2',
      'Alert 1',
    ]);
  });

  it('holds each id once, the latest copy winning', () => {
    const store = createAppStore();
    store.getState().seedAlerts([makeAlert(1), makeAlert(2)]);
    store.getState().receiveAlerts([makeAlert(2, { title: 'enriched' })], 0);
    const { alerts } = store.getState();
    expect(alerts).toHaveLength(2);
    expect(alerts.find((alert) => alert.id === makeAlert(2).id)?.title).toBe('enriched');
  });

  it(`is bounded to the newest ${MAX_ALERTS}`, () => {
    const store = createAppStore();
    store.getState().seedAlerts(range(0, 400));
    store.getState().receiveAlerts(range(400, 700), 0);
    const { alerts } = store.getState();
    expect(alerts).toHaveLength(MAX_ALERTS);
    expect(alerts[0]?.title).toBe('Alert 699');
    expect(alerts.at(-1)?.title).toBe('Alert 200');
  });

  it('stamps only live alerts that are new, with the given time', () => {
    const store = createAppStore();
    store.getState().seedAlerts([makeAlert(1)]);
    store.getState().receiveAlerts([makeAlert(1), makeAlert(2)], 42);
    expect(store.getState().arrivedAt).toEqual({ [makeAlert(2).id]: 42 });
  });

  it('forgets arrival times of alerts that left the window', () => {
    const store = createAppStore();
    store.getState().receiveAlerts([makeAlert(0)], 1);
    store.getState().receiveAlerts(range(1, MAX_ALERTS + 1), 2);
    const { arrivedAt } = store.getState();
    expect(arrivedAt[makeAlert(0).id]).toBeUndefined();
    expect(Object.keys(arrivedAt)).toHaveLength(MAX_ALERTS);
  });

  it('notifies nobody when nothing arrives', () => {
    const store = createAppStore();
    store.getState().seedAlerts([makeAlert(1)]);
    let notified = 0;
    store.subscribe(() => {
      notified += 1;
    });
    store.getState().receiveAlerts([], 5);
    store.getState().seedAlerts([]);
    expect(notified).toBe(0);
  });
});
