/**
 * Stable alert ids: the same record from the same source always gets the
 * same id, so importing a file twice adds nothing.
 */
import { createHash } from 'node:crypto';

/** Id of a record: base64url of the first 16 bytes of sha256(source NUL nativeId), 22 chars. */
export function alertId(source: string, nativeId: string): string {
  // The NUL keeps ('ab', 'c') and ('a', 'bc') apart.
  return createHash('sha256')
    .update(`${source}\0${nativeId}`, 'utf8')
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}
