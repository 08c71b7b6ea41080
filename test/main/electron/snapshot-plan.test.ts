import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClientContext } from '../../../main/core/api-types';
import { planSnapshot, SNAPSHOT_FOLDER } from '../../../main/electron/snapshot-plan';
import { WallSchema } from '../../../shared/wall';

const NAME = 'lagebild-map-2026-12-04T0912Z.png';
const PICTURES = join('/home', 'analyst', 'Pictures');
const desktop: ClientContext = { name: 'desktop', readOnly: false };
const wall: ClientContext = {
  name: 'wall:ops@display-1',
  readOnly: true,
  wall: WallSchema.parse({ name: 'ops' }),
};

describe('where a PNG of a window goes', () => {
  it('offers the analyst a save dialog in the pictures folder', () => {
    expect(planSnapshot(desktop, NAME, PICTURES)).toEqual({
      kind: 'ask',
      defaultPath: join(PICTURES, SNAPSHOT_FOLDER, NAME),
    });
  });

  it('saves a wall straight into the pictures folder: no dialog on a public screen', () => {
    expect(planSnapshot(wall, NAME, PICTURES)).toEqual({
      kind: 'write',
      path: join(PICTURES, SNAPSHOT_FOLDER, NAME),
    });
  });

  it('refuses an untrusted sender', () => {
    expect(planSnapshot(undefined, NAME, PICTURES).kind).toBe('refuse');
  });

  it('refuses names that are not a snapshot file name', () => {
    for (const name of ['../../.bashrc', `/etc/${NAME}`, 'x.png', 7, null]) {
      expect(planSnapshot(desktop, name, PICTURES).kind).toBe('refuse');
    }
  });
});
