/** One desktop app per user data directory: a second start hands over to the first. */
import { app } from 'electron';

/**
 * Takes the single-instance lock. True when this process is the first;
 * `onSecondInstance` then runs whenever another start is attempted.
 */
export function claimSingleInstance(onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', onSecondInstance);
  return true;
}
