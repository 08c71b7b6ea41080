/**
 * One session with a NATS cluster: connect, find or create the durable
 * consumer, and pull its messages until something ends the session: the
 * consumer or its stream goes away, heartbeats stop, the connection
 * closes, or the feed stops. Lost connections within a session are the
 * client's to restore (it reconnects, backing off); the feed starts a new
 * session after anything else.
 */
import {
  jetstreamManager,
  type ConsumerMessages,
  type ConsumerNotification,
  type JsMsg,
} from '@nats-io/jetstream';
import { connect, type NatsConnection, type NodeConnectionOptions } from '@nats-io/transport-node';
import type { Logger } from '../../core/log';
import type { Backoff } from './backoff';
import { ensureDurable, type DurableSettings } from './durable-consumer';

/** What a session reports to its feed. */
export interface SessionEvents {
  onMessage(message: JsMsg): void;
  /** Consuming (again), or the connection was lost (with the reason). */
  onState(state: 'connected' | 'down', error?: string): void;
  /** The connection is about to close: commit (and so acknowledge) what has arrived. */
  beforeClose(): void;
}

/** The settings of one session. */
export interface SessionSettings extends DurableSettings {
  options: NodeConnectionOptions;
  /** The client's reconnect waits, advanced at each attempt and reset once back. */
  reconnects: Backoff;
  log: Logger;
}

// Missing two heartbeats in a row means the server lost the pull request
// (a restart elsewhere in the cluster); the client's own guidance is to
// start consuming again.
const HEARTBEATS_MISSED_LIMIT = 2;
// Acknowledgements are sent before the connection closes, unless the
// server does not answer this quickly (it is gone: it will redeliver).
const FLUSH_TIMEOUT_MS = 2000;

/** One connection and the consumer pulling through it. */
export class ConsumeSession {
  private ended = false;
  private messages: ConsumerMessages | undefined;

  constructor(
    private readonly settings: SessionSettings,
    private readonly events: SessionEvents,
  ) {}

  /** Runs until the session ends; resolves with why, rejects when it cannot start. */
  async run(): Promise<string> {
    const nc = await connect(this.settings.options);
    try {
      void this.watchConnection(nc);
      return await this.consume(nc);
    } finally {
      this.events.beforeClose();
      await closeAfterFlush(nc);
    }
  }

  /** Ends the session: no message is handed over after this returns. */
  end(): void {
    this.ended = true;
    this.messages?.stop();
  }

  private async consume(nc: NatsConnection): Promise<string> {
    const { stream, durable, log } = this.settings;
    const jsm = await jetstreamManager(nc);
    const { created } = await ensureDurable(jsm, this.settings);
    if (created) log.info(`created durable consumer "${durable}" on stream "${stream}"`);
    const consumer = await jsm.jetstream().consumers.get(stream, durable);
    if (this.ended) return 'stopped';
    const messages = await consumer.consume({
      max_messages: this.settings.batchSize,
      callback: (message) => {
        if (!this.ended) this.events.onMessage(message);
      },
    });
    this.messages = messages;
    if (this.ended) messages.stop();
    else this.events.onState('connected');
    return Promise.race([
      this.watchConsumer(messages),
      messages
        .closed()
        .then((error) => (error ? `consuming stopped: ${error.message}` : 'stopped')),
      nc.closed().then((error) => `connection closed${error ? `: ${error.message}` : ''}`),
    ]);
  }

  /** Resolves (after stopping the consumer) when a notification says to start again. */
  private async watchConsumer(messages: ConsumerMessages): Promise<string> {
    for await (const note of messages.status()) {
      const reason = restartReason(note);
      if (reason) {
        messages.stop();
        return reason;
      }
    }
    return 'stopped';
  }

  /** Tells the feed when the connection is lost and back, and paces the client's reconnects. */
  private async watchConnection(nc: NatsConnection): Promise<void> {
    const { reconnects, log } = this.settings;
    for await (const status of nc.status()) {
      switch (status.type) {
        case 'disconnect':
          this.events.onState('down', `lost the connection to ${status.server}`);
          break;
        case 'reconnecting':
          reconnects.advance();
          break;
        case 'reconnect':
          reconnects.reset();
          log.info(`connected again to ${status.server}`);
          this.events.onState('connected');
          break;
        case 'error':
          log.warn(`server error: ${status.error.message}`);
          break;
        default:
          break;
      }
    }
  }
}

function restartReason(note: ConsumerNotification): string | undefined {
  switch (note.type) {
    case 'consumer_deleted':
      return `the consumer was deleted: ${note.description}`;
    case 'consumer_not_found':
      return `consumer "${note.name}" is gone`;
    case 'stream_not_found':
      return `stream "${note.name}" is gone`;
    case 'heartbeats_missed':
      return note.count >= HEARTBEATS_MISSED_LIMIT ? 'heartbeats missed' : undefined;
    default:
      return undefined;
  }
}

/** Closes the connection once what it has to send (acknowledgements) has reached the server. */
async function closeAfterFlush(nc: NatsConnection): Promise<void> {
  if (nc.isClosed()) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, FLUSH_TIMEOUT_MS)));
  await Promise.race([nc.flush().catch(() => undefined), timeout]);
  clearTimeout(timer);
  await nc.close();
}
