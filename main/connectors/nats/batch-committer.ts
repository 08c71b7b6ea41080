/**
 * Commits batches of JetStream messages, and acknowledges them only then:
 * a message is acked once its alerts (or its quarantine entry) are in the
 * cache, so a crash at any point loses nothing the server was told is
 * safe. A message committed but not acked (a crash between the two) comes
 * again and is stored once, as alert ids and quarantine entries are stable.
 * When a commit fails nothing is acked: every message of the batch is
 * handed back to be delivered again after a pause that grows while commits
 * keep failing.
 */
import type { JsMsg } from '@nats-io/jetstream';
import type { RecordBatch } from '../types';
import { Backoff, type BackoffLimits } from './backoff';
import { messageRecord } from './message-record';
import { advanceCursor, parseStreamCursor, type StreamCursor } from './stream-cursor';

/** What the committer needs from its feed. */
export interface CommitterDeps {
  /** Commits the batch with its cursor in one transaction; throws when it could not. */
  ingest(batch: RecordBatch): void;
  /** A commit failed (with the reason) or, after failures, worked again (no reason). */
  report(failure?: string): void;
  /** Acknowledgements that could not be sent. */
  warn(message: string): void;
}

/** Commits and then acknowledges batches of one stream's messages. */
export class BatchCommitter {
  private cursor: StreamCursor | undefined;
  private readonly retries: Backoff;
  private failing = false;

  constructor(
    private readonly stream: string,
    storedCursor: string | undefined,
    retryLimits: BackoffLimits,
    private readonly deps: CommitterDeps,
  ) {
    this.cursor = parseStreamCursor(storedCursor, stream);
    this.retries = new Backoff(retryLimits);
  }

  /** Commits `messages` in one transaction, then acks them; naks them all if the commit fails. */
  commit(messages: JsMsg[]): void {
    const highest = messages.reduce((seq, message) => Math.max(seq, message.seq), 0);
    const cursor = advanceCursor(this.cursor, this.stream, highest);
    try {
      this.deps.ingest({ records: messages.map(messageRecord), cursor: JSON.stringify(cursor) });
    } catch (error) {
      const wait = this.retries.delay();
      this.retries.advance();
      this.settle(messages, (message) => message.nak(wait));
      this.failing = true;
      const reason = (error as Error).message;
      this.deps.report(
        `${messages.length} messages not stored, due again in ${wait} ms: ${reason}`,
      );
      return;
    }
    this.cursor = cursor;
    this.settle(messages, (message) => message.ack());
    this.retries.reset();
    if (this.failing) this.deps.report();
    this.failing = false;
  }

  /** Acks or naks every message; a closed connection leaves them to be delivered again. */
  private settle(messages: JsMsg[], answer: (message: JsMsg) => void): void {
    try {
      messages.forEach(answer);
    } catch (error) {
      this.deps.warn(
        `cannot answer the server, it will deliver again: ${(error as Error).message}`,
      );
    }
  }
}
