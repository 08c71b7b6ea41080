/**
 * The publishing side of the NATS tests and the benchmark: a client that
 * creates streams and consumers as whoever runs the cluster would, and
 * publishes as a sensor would.
 */
import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';

/** A connection with its JetStream manager. */
export interface JetStreamClient {
  nc: NatsConnection;
  jsm: JetStreamManager;
  close(): Promise<void>;
}

// Publishes awaited together: enough to keep the server busy, few enough to bound memory.
const PUBLISH_WINDOW = 500;

/** Connects to `url` (no reconnects: a test wants to hear when the server is gone). */
export async function openJetStream(url: string): Promise<JetStreamClient> {
  const nc = await connect({ servers: url, reconnect: false });
  const jsm = await jetstreamManager(nc);
  return { nc, jsm, close: () => nc.close() };
}

/** Publishes every payload to `subject` and returns their stream sequences, in order. */
export async function publishAll(
  client: JetStreamClient,
  subject: string,
  payloads: readonly (string | Uint8Array)[],
): Promise<number[]> {
  const js = client.jsm.jetstream();
  const seqs: number[] = [];
  for (let i = 0; i < payloads.length; i += PUBLISH_WINDOW) {
    const acks = await Promise.all(
      payloads.slice(i, i + PUBLISH_WINDOW).map((payload) => js.publish(subject, payload)),
    );
    seqs.push(...acks.map((ack) => ack.seq));
  }
  return seqs;
}
