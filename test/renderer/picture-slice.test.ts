import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../renderer/store/app-store';
import { makePicture } from './fixtures';

describe('picture slice', () => {
  it('starts empty', () => {
    const { stats, arcs, feeds, generatedAt } = createAppStore().getState();
    expect({ alerts: stats.alerts, arcs, feeds, generatedAt }).toEqual({
      alerts: 0,
      arcs: [],
      feeds: [],
      generatedAt: 0,
    });
  });

  it('shows the picture it is given', () => {
    const store = createAppStore();
    const picture = makePicture(10, 7);
    store.getState().applyPicture(picture);
    expect(store.getState().stats).toBe(picture.stats);
    expect(store.getState().generatedAt).toBe(10);
  });

  it('ignores a picture older than the one shown', () => {
    const store = createAppStore();
    store.getState().applyPicture(makePicture(20, 9));
    store.getState().applyPicture(makePicture(10, 7));
    expect(store.getState().stats.alerts).toBe(9);
  });
});
