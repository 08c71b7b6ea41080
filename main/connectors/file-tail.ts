/**
 * Follows a growing file of line records, as `tail -F` does: it resumes at
 * the committed offset after a restart, drains a rotated file before moving
 * to its successor, and starts over when the file is truncated: when it
 * gets shorter than the offset, or when its first bytes are no longer the
 * ones read before (truncated and written past the offset again, as
 * logrotate's copytruncate and a busy writer do between two polls).
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { scopedLogger } from '../core/log';
import { decodeRecord } from './decode';
import { LineReader } from './line-reader';
import type { RecordBatch } from './types';

const log = scopedLogger('tail');

/**
 * Where a tail stands: which file (by inode), the byte offset in it, and a
 * digest of the file's first min(offset, HEAD_BYTES) bytes, which tells
 * the same file from one truncated and refilled.
 */
export interface TailCursor {
  ino: number;
  offset: number;
  head?: string;
}

const HEAD_BYTES = 1024;

/** What a tail reports to whoever runs it. */
export interface TailEvents {
  /** Commits a batch; throwing leaves the cursor where it was, to retry. */
  onBatch(batch: RecordBatch): void;
  onState(state: 'connected' | 'connecting' | 'down', error?: string): void;
}

const MAX_BATCH = 2000;

/** Parses a saved cursor; anything unreadable starts from the beginning. */
export function parseTailCursor(text: string | undefined): TailCursor | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<TailCursor>;
    if (Number.isSafeInteger(value.ino) && Number.isSafeInteger(value.offset)) {
      const head = typeof value.head === 'string' ? { head: value.head } : {};
      return { ino: value.ino as number, offset: value.offset as number, ...head };
    }
  } catch {
    // fall through: an unreadable cursor means reading the file from its start
  }
  return undefined;
}

/** The digest of the first min(offset, HEAD_BYTES) bytes of the open file. */
function headDigest(fd: number, offset: number): string {
  const bytes = Buffer.alloc(Math.min(offset, HEAD_BYTES));
  const read = readSync(fd, bytes, 0, bytes.length, 0);
  return createHash('sha256').update(bytes.subarray(0, read)).digest('hex').slice(0, 32);
}

/** A poll-driven follower of one file. */
export class FileTail {
  private fd: number | undefined;
  private ino = 0;
  private reader: LineReader | undefined;
  private committed = 0;
  private head: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** The message of the failure last logged, until a commit works again. */
  private lastFailure: string | undefined;

  constructor(
    private readonly path: string,
    private readonly pollMs: number,
    private cursor: TailCursor | undefined,
    private readonly events: TailEvents,
  ) {}

  /** Starts following; the first poll runs at once. */
  start(): void {
    this.stopped = false;
    this.events.onState('connecting');
    this.poll();
  }

  /** Stops following and closes the file. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.closeFile();
  }

  /** Reads what is new now; exposed so a caller can poll on a signal. */
  poll(): void {
    if (this.timer) clearTimeout(this.timer);
    try {
      if (this.fd === undefined) this.openFile();
      if (this.fd !== undefined) {
        this.checkTruncation();
        this.drain();
        this.checkRotation();
      }
    } catch (error) {
      this.fail(error as Error);
    }
    if (!this.stopped) this.timer = setTimeout(() => this.poll(), this.pollMs);
  }

  private openFile(): void {
    let fd: number;
    try {
      fd = openSync(this.path, 'r');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        this.events.onState('connecting', `waiting for ${this.path} to exist`);
        return;
      }
      throw error;
    }
    const stat = fstatSync(fd);
    const cursor = this.cursor;
    const resume =
      cursor !== undefined &&
      cursor.ino === stat.ino &&
      cursor.offset <= stat.size &&
      (cursor.head === undefined || cursor.head === headDigest(fd, cursor.offset));
    this.fd = fd;
    this.ino = stat.ino;
    this.committed = resume ? cursor.offset : 0;
    this.head = resume ? cursor.head : undefined;
    this.reader = new LineReader(fd, this.committed);
    log.info(`following ${this.path} from byte ${this.committed}`);
    this.events.onState('connected');
  }

  private checkTruncation(): void {
    const size = fstatSync(this.fd!).size;
    let why: string | undefined;
    if (size < this.committed) why = `size ${size} < offset ${this.committed}`;
    else if (this.head !== undefined && this.head !== headDigest(this.fd!, this.committed)) {
      why = 'its first bytes changed';
    }
    if (why === undefined) return;
    log.warn(`${this.path} was truncated (${why}); reading it from the start`);
    this.committed = 0;
    this.head = undefined;
    this.reader = new LineReader(this.fd!, 0);
  }

  private drain(): void {
    for (;;) {
      const records: RecordBatch['records'] = [];
      let end = this.committed;
      while (records.length < MAX_BATCH) {
        const line = this.reader!.next(false);
        if (!line) break;
        const position = `${this.path}@${end}`;
        end = line.end;
        if (line.bytes.length > 0 || line.oversized) {
          records.push(decodeRecord(line.bytes, position, line.oversized));
        }
      }
      if (end === this.committed) return;
      this.commit(records, end);
    }
  }

  private commit(records: RecordBatch['records'], end: number): void {
    const head = headDigest(this.fd!, end);
    const cursor: TailCursor = { ino: this.ino, offset: end, head };
    try {
      this.events.onBatch({ records, cursor: JSON.stringify(cursor) });
    } catch (error) {
      // Nothing was committed: read the same lines again on the next poll.
      this.reader = new LineReader(this.fd!, this.committed);
      throw error;
    }
    this.committed = end;
    this.head = head;
    this.cursor = cursor;
    this.lastFailure = undefined;
    this.events.onState('connected');
  }

  /** After draining the open file, moves on if the path now names another file. */
  private checkRotation(): void {
    let current: number;
    try {
      current = statSync(this.path).ino;
    } catch {
      return; // rotated away and not yet recreated: keep the old file until it is
    }
    if (current === this.ino) return;
    log.info(`${this.path} was rotated; following the new file`);
    this.closeFile();
    this.cursor = undefined;
    this.openFile();
    if (this.fd !== undefined) this.drain();
  }

  private fail(error: Error): void {
    // A full disk fails every poll until space returns: one log line says it.
    if (error.message !== this.lastFailure) {
      log.error(`tail of ${this.path} failed: ${error.message}`);
    }
    this.lastFailure = error.message;
    this.events.onState('down', error.message);
  }

  private closeFile(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.reader = undefined;
  }
}
