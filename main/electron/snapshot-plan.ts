/**
 * Where a PNG of a window goes, decided without Electron so that tests can
 * drive it: nowhere for a sender that is not trusted or a name that is not
 * a snapshot's; straight into a folder for a wall (no pointer, and no
 * dialog should open on a public screen); through a save dialog for the
 * analyst.
 */
import { join } from 'node:path';
import { isSnapshotFileName } from '../../shared/snapshot';
import type { ClientContext } from '../core/api-types';

/** The folder under the user's pictures that PNGs are offered in or saved to. */
export const SNAPSHOT_FOLDER = 'Lagebild';

/** What to do with a request to save a PNG. */
export type SnapshotPlan =
  | { kind: 'refuse'; reason: string }
  | { kind: 'ask'; defaultPath: string }
  | { kind: 'write'; path: string };

/**
 * The plan for saving `fileName` for `client`, which is undefined when the
 * sender failed the IPC checks.
 */
export function planSnapshot(
  client: ClientContext | undefined,
  fileName: unknown,
  picturesDir: string,
): SnapshotPlan {
  if (!client) return { kind: 'refuse', reason: 'untrusted sender' };
  if (!isSnapshotFileName(fileName)) return { kind: 'refuse', reason: 'not a snapshot file name' };
  const path = join(picturesDir, SNAPSHOT_FOLDER, fileName);
  return client.wall ? { kind: 'write', path } : { kind: 'ask', defaultPath: path };
}
