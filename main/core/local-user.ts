/**
 * The name of the local user, which signs analysts' changes to incidents.
 */
import { userInfo } from 'node:os';

let cached: string | undefined;

/** The login name of the user running Lagebild; "unknown" where the system has none. */
export function localUser(): string {
  if (cached !== undefined) return cached;
  try {
    cached = userInfo().username;
  } catch {
    // A container may run under a uid without a passwd entry.
    cached = process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
  return cached.slice(0, 100);
}
