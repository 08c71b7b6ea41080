/**
 * One error type for everything that can go wrong with the alert cache, so
 * callers can tell a damaged file from a full disk without reading SQLite codes.
 */

/** What went wrong, in terms a user can act on. */
export type CacheErrorKind = 'corrupt' | 'read-only' | 'full' | 'locked' | 'schema' | 'unknown';

/** A failure of the alert cache, naming the file and what the user can do about it. */
export class CacheError extends Error {
  override readonly name = 'CacheError';

  constructor(
    readonly kind: CacheErrorKind,
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const SQLITE_KINDS: [prefix: string, kind: CacheErrorKind][] = [
  ['SQLITE_CORRUPT', 'corrupt'],
  ['SQLITE_NOTADB', 'corrupt'],
  ['SQLITE_READONLY', 'read-only'],
  ['SQLITE_PERM', 'read-only'],
  ['SQLITE_FULL', 'full'],
  ['SQLITE_BUSY', 'locked'],
  ['SQLITE_LOCKED', 'locked'],
];

// Errors of the file system (creating the folder, opening the file) and of
// zlib (inflating a stored record) come from Node with its own codes.
const NODE_KINDS: Record<string, CacheErrorKind> = {
  EACCES: 'read-only',
  EPERM: 'read-only',
  EROFS: 'read-only',
  ENOSPC: 'full',
  EDQUOT: 'full',
  Z_DATA_ERROR: 'corrupt',
  Z_BUF_ERROR: 'corrupt',
};

function kindOf(code: string): CacheErrorKind {
  const match = SQLITE_KINDS.find(([prefix]) => code.startsWith(prefix));
  return match?.[1] ?? NODE_KINDS[code] ?? 'unknown';
}

const ADVICE: Partial<Record<CacheErrorKind, string>> = {
  corrupt: 'is damaged (%). Move it aside and Lagebild starts a new one.',
  'read-only': 'cannot be written (%). Check its permissions, or open it read-only.',
  full: 'is on a full disk (%). Free some space and retry.',
  locked: 'is locked by another process (%). Is another Lagebild running?',
};

function describe(kind: CacheErrorKind, file: string, detail: string): string {
  const advice = ADVICE[kind]?.replace('%', detail) ?? `failed: ${detail}`;
  return `The alert cache ${file} ${advice}`;
}

/** Turns whatever better-sqlite3 or the file system threw into a CacheError. */
export function toCacheError(error: unknown, file: string): CacheError {
  if (error instanceof CacheError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  const kind = typeof code === 'string' ? kindOf(code) : 'unknown';
  return new CacheError(kind, file, describe(kind, file, detail), { cause: error });
}
