import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../renderer/store/app-store';

describe('connection slice', () => {
  it('starts connecting and records each status', () => {
    const store = createAppStore();
    expect(store.getState().connection.state).toBe('connecting');
    store.getState().setConnection({ transport: 'websocket', state: 'waiting', retryAt: 5 });
    expect(store.getState().connection).toEqual({
      transport: 'websocket',
      state: 'waiting',
      retryAt: 5,
    });
  });
});

describe('layers slice', () => {
  it('shows every layer and toggles one at a time', () => {
    const store = createAppStore();
    expect(Object.values(store.getState().layers).every(Boolean)).toBe(true);
    store.getState().toggleLayer('arcs');
    expect(store.getState().layers).toEqual({
      density: true,
      arcs: false,
      pulses: true,
      labels: true,
    });
    store.getState().toggleLayer('arcs');
    expect(store.getState().layers.arcs).toBe(true);
  });
});
