/**
 * The feed's durable pull consumer. When the stream has none of that name
 * it is created: explicit acknowledgements, the feed's subject filter, from
 * the stream's first message. One that exists (set up by whoever runs the
 * cluster, perhaps with another ack wait) is used as it is, unless it could
 * lose or mix up messages: a push consumer, one that takes no
 * acknowledgements, or one that filters other subjects.
 */
import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type ConsumerInfo,
  type JetStreamManager,
} from '@nats-io/jetstream';

/** Which consumer of which stream, reading which subjects. */
export interface DurableSettings {
  stream: string;
  durable: string;
  subject: string;
  batchSize: number;
}

/** The server's own default for max_ack_pending. */
const SERVER_MAX_ACK_PENDING = 1000;

/** The consumer exists but cannot be used as the feed's. */
export class UnusableConsumerError extends Error {
  override name = 'UnusableConsumerError';
}

/** Finds or creates the durable consumer; throws when the stream is missing or the consumer unusable. */
export async function ensureDurable(
  jsm: JetStreamManager,
  settings: DurableSettings,
): Promise<{ info: ConsumerInfo; created: boolean }> {
  const { stream, durable, subject } = settings;
  try {
    const info = await jsm.consumers.info(stream, durable);
    checkUsable(info, settings);
    return { info, created: false };
  } catch (error) {
    if (isApiError(error, JetStreamApiCodes.StreamNotFound)) {
      throw new Error(`stream "${stream}" not found`, { cause: error });
    }
    if (!isApiError(error, JetStreamApiCodes.ConsumerNotFound)) throw error;
  }
  const info = await jsm.consumers.add(stream, {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: subject,
    // A batch being committed and the next one arriving are both awaiting
    // their acknowledgements; with fewer allowed, batches come in halves.
    max_ack_pending: Math.max(SERVER_MAX_ACK_PENDING, 2 * settings.batchSize),
  });
  return { info, created: true };
}

function isApiError(error: unknown, code: number): boolean {
  return error instanceof JetStreamApiError && error.code === code;
}

function checkUsable(info: ConsumerInfo, settings: DurableSettings): void {
  const { config } = info;
  const name = `consumer "${settings.durable}" of stream "${settings.stream}"`;
  if (config.deliver_subject) throw new UnusableConsumerError(`${name} is a push consumer`);
  if (config.ack_policy !== AckPolicy.Explicit) {
    throw new UnusableConsumerError(`${name} does not take each acknowledgement`);
  }
  const filters = config.filter_subjects ?? (config.filter_subject ? [config.filter_subject] : []);
  if (filters.length !== 1 || filters[0] !== settings.subject) {
    const reads = filters.length === 0 ? 'every subject' : filters.join(', ');
    throw new UnusableConsumerError(`${name} reads ${reads}, not ${settings.subject}`);
  }
}
