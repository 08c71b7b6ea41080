/**
 * Stable alert ids: the same record from the same source always gets the
 * same id, so importing a file twice adds nothing.
 */
import { hash } from 'node:crypto';

/** Id of a record: base64url of the first 16 bytes of sha256(source NUL nativeId), 22 chars. */
export function alertId(source: string, nativeId: string): string {
  // The NUL keeps ('ab', 'c') and ('a', 'bc') apart. The one-shot hash skips
  // the Hash object createHash builds, a third of the cost for a short record.
  return hash('sha256', `${source}\0${nativeId}`, 'buffer').subarray(0, 16).toString('base64url');
}
