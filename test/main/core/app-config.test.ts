import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../../../main/core/app';

describe('the core without a configuration file', () => {
  it('shows a cache named on its own as it is, without the demo feed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagebild-core-'));
    const core = await startCore({ cachePath: join(dir, 'cache.sqlite') });
    try {
      expect(core.config.feeds).toEqual([]);
      expect(core.cache.stats().alerts).toBe(0);
    } finally {
      await core.close();
    }
  });

  it('imports the bundled samples into the default cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lagebild-core-'));
    const core = await startCore({ userDataDir: dir });
    try {
      expect(core.cachePath).toBe(join(dir, 'cache.sqlite'));
      expect(core.config.feeds.map((feed) => feed.id)).toEqual(['samples']);
    } finally {
      await core.close();
    }
  });
});
