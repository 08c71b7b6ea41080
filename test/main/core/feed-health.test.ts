import { describe, expect, it } from 'vitest';
import { FeedHealthBook } from '../../../main/core/feed-health';

describe('feed health', () => {
  it('calls a feed stale once it is silent for longer than it is expected to be', () => {
    let now = 1_000_000;
    const book = new FeedHealthBook(() => now);
    book.register('sensor', 'file-tail', 60);
    book.register('intel', 'file-import');
    const health = (id: string) => book.snapshot([]).find((feed) => feed.id === id);

    now += 30_000;
    expect(health('sensor')).toMatchObject({ stale: false, silentForMs: 30_000 });
    now += 31_000;
    expect(health('sensor')).toMatchObject({ stale: true, silentForMs: 61_000 });
    // A feed without an expected interval may be silent at will.
    expect(health('intel')).toMatchObject({ stale: false });

    book.recordEvents('sensor', 3, 1500);
    expect(health('sensor')).toMatchObject({ stale: false, silentForMs: 0, lagMs: 1500 });
  });

  it('never calls a feed this process does not run stale', () => {
    const book = new FeedHealthBook(() => 5_000_000);
    const [feed] = book.snapshot([{ id: 'old', type: 'eve', alerts: 3, quarantined: 0 }]);
    expect(feed).toMatchObject({ id: 'old', state: 'idle', stale: false });
    expect(feed?.silentForMs).toBeUndefined();
  });
});
