/**
 * Gathers JetStream messages as the client hands them over, one by one,
 * into batches: a batch is full at `maxMessages`, or holds whatever has
 * arrived by the end of the current turn of the event loop. A busy stream
 * thus fills whole batches (one transaction each), while a quiet one has
 * each message committed at once rather than after a fetch times out.
 */
import type { JsMsg } from '@nats-io/jetstream';

/** Hands messages over in batches of at most `maxMessages`. */
export class MessageBatcher {
  private messages: JsMsg[] = [];
  private scheduled: NodeJS.Immediate | undefined;

  constructor(
    private readonly maxMessages: number,
    private readonly deliver: (messages: JsMsg[]) => void,
  ) {}

  /** Adds one message; delivers the batch at once when it is full. */
  add(message: JsMsg): void {
    this.messages.push(message);
    if (this.messages.length >= this.maxMessages) this.flush();
    else this.scheduled ??= setImmediate(() => this.flush());
  }

  /** Delivers what is gathered now (nothing when empty). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.messages.length === 0) return;
    const messages = this.messages;
    this.messages = [];
    this.deliver(messages);
  }
}
