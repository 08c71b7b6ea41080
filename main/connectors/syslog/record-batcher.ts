/**
 * Gathers records that arrive one by one (syslog messages) into batches, so
 * that the store commits one transaction per batch rather than per message,
 * and no message waits long for its batch.
 */
import type { RawRecord } from '../types';

/** Records per batch at most. */
export const MAX_BATCH_RECORDS = 2000;
/** How long the first record of a batch waits for others, in ms. */
export const MAX_BATCH_DELAY_MS = 100;

/** Hands records over in batches: when full, or when the oldest has waited long enough. */
export class RecordBatcher {
  private records: RawRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly deliver: (records: RawRecord[]) => void,
    private readonly maxRecords = MAX_BATCH_RECORDS,
    private readonly maxDelayMs = MAX_BATCH_DELAY_MS,
  ) {}

  /** Adds one record; delivers the batch at once when it is full. */
  add(record: RawRecord): void {
    // A datagram already queued when the feed stopped must not reach a closed cache.
    if (this.closed) return;
    this.records.push(record);
    if (this.records.length >= this.maxRecords) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.maxDelayMs);
  }

  /** Delivers what is gathered now (nothing when empty). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.records.length === 0) return;
    const records = this.records;
    this.records = [];
    this.deliver(records);
  }

  /** Delivers what is gathered and takes nothing more. */
  close(): void {
    this.flush();
    this.closed = true;
  }
}
