import { describe, expect, it } from 'vitest';
import type { Incident } from '../../shared/model';
import { createAppStore } from '../../renderer/store/app-store';
import { MAX_TOASTS } from '../../renderer/store/toasts-slice';

const notable = (n: number) => ({
  incidentId: `inc-${String(n).padStart(8, '0')}`,
  severity: 'critical' as const,
  title: `Incident ${n}`,
  observedAt: n,
});

function incident(n: number, overrides: Partial<Incident> = {}): Incident {
  return {
    id: `inc-${String(n).padStart(8, '0')}`,
    title: `Incident ${n}`,
    status: 'new',
    severity: 'high',
    firstSeen: n,
    lastSeen: n,
    alerts: 1,
    countries: [],
    sectors: [],
    feeds: ['sensor-1'],
    tlp: 'clear',
    updatedAt: n,
    ...overrides,
  };
}

describe('toasts slice', () => {
  it('shows the newest first, at most a few, and expires them', () => {
    const store = createAppStore();
    store.getState().showToasts([notable(1), notable(2)], 1000);
    store.getState().showToasts([notable(3), notable(4), notable(5)], 2000);
    const titles = store.getState().toasts.map((toast) => toast.title);
    expect(titles).toEqual(
      ['Incident 5', 'Incident 4', 'Incident 3', 'Incident 2'].slice(0, MAX_TOASTS),
    );
    store.getState().expireToasts(1500);
    expect(store.getState().toasts.every((toast) => toast.shownAt === 2000)).toBe(true);
    store.getState().dismissToast(notable(5).incidentId);
    expect(store.getState().toasts.map((toast) => toast.title)).toEqual([
      'Incident 4',
      'Incident 3',
    ]);
  });
});

describe('incidents slice', () => {
  it('keeps the cursor inside the list', () => {
    const store = createAppStore();
    store.getState().setIncidents([incident(1), incident(2), incident(3)]);
    store.getState().moveCursor(5);
    expect(store.getState().cursor).toBe(2);
    store.getState().moveCursor(-9);
    expect(store.getState().cursor).toBe(0);
    store.getState().setCursor(2);
    store.getState().setIncidents([incident(1)]);
    expect(store.getState().cursor).toBe(0);
  });

  it('keeps the highlight on its incident when a refresh moves it', () => {
    const store = createAppStore();
    store.getState().setIncidents([incident(1), incident(2), incident(3)]);
    store.getState().setCursor(1);
    store.getState().setIncidents([incident(9), incident(1), incident(2), incident(3)]);
    expect(store.getState().incidents[store.getState().cursor]?.id).toBe(incident(2).id);
  });

  it('refreshes the open incident from a newer list', () => {
    const store = createAppStore();
    store.getState().setDetail({ incident: incident(1), events: [] });
    store.getState().setIncidents([incident(1, { status: 'resolved', alerts: 7 })]);
    expect(store.getState().detail?.incident).toMatchObject({ status: 'resolved', alerts: 7 });
  });
});
