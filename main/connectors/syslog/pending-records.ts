/**
 * The messages a syslog feed could not commit yet (a full disk, a cache
 * error), kept in arrival order for the next attempt. A sender cannot be
 * asked again, so this memory is all there is; it is bounded, and what
 * arrives past the bound is dropped and counted (the oldest are kept, so
 * nothing already waiting is lost in favour of what came later).
 */
import type { RawRecord } from '../types';

/** Messages kept at most: about 100 MiB of 1 KiB messages. */
export const MAX_PENDING_RECORDS = 100_000;

/** A bounded queue of records waiting for their commit. */
export class PendingRecords {
  private records: RawRecord[] = [];
  private droppedSinceReport = 0;

  constructor(private readonly max = MAX_PENDING_RECORDS) {}

  /** How many records wait. */
  get size(): number {
    return this.records.length;
  }

  /** Queues `records` behind those waiting; past the bound they are dropped and counted. */
  add(records: RawRecord[]): void {
    const room = Math.max(0, this.max - this.records.length);
    this.records.push(...records.slice(0, room));
    this.droppedSinceReport += Math.max(0, records.length - room);
  }

  /** The oldest `count` records, left in the queue until `remove`. */
  peek(count: number): RawRecord[] {
    return this.records.slice(0, count);
  }

  /** Removes the oldest `count` records (once they are committed). */
  remove(count: number): void {
    this.records = this.records.slice(count);
  }

  /** How many records were dropped since the last call. */
  takeDropped(): number {
    const dropped = this.droppedSinceReport;
    this.droppedSinceReport = 0;
    return dropped;
  }
}
