/**
 * The NATS client's options for one feed: its servers, its credentials read
 * from the environment at start, and reconnects that back off. The options
 * carry secrets, so they are never logged.
 */
import type { NodeConnectionOptions } from '@nats-io/transport-node';
import { rememberSecret } from '../../core/known-secrets';
import type { Backoff } from './backoff';

/** What the connection needs to know of a feed. */
export interface NatsConnectionSettings {
  id: string;
  servers: string[];
  credentials?: { tokenEnv?: string; user?: string; passwordEnv?: string };
}

/** A credential's environment variable is unset or empty. */
export class MissingCredentialError extends Error {
  override name = 'MissingCredentialError';
}

// A wall screen must learn within a minute that its server went silent; the
// client's default (two minutes between pings) would take four.
const PING_INTERVAL_MS = 20_000;
const MAX_PINGS_OUT = 2;

/** The connection options; throws MissingCredentialError naming the variable. */
export function connectionOptions(
  settings: NatsConnectionSettings,
  reconnects: Backoff,
  env: NodeJS.ProcessEnv = process.env,
): NodeConnectionOptions {
  return {
    servers: settings.servers,
    name: `lagebild ${settings.id}`,
    // Once connected, the client tries again for ever, waiting as `reconnects` says.
    maxReconnectAttempts: -1,
    reconnectDelayHandler: () => reconnects.delay(),
    pingInterval: PING_INTERVAL_MS,
    maxPingOut: MAX_PINGS_OUT,
    ...credentialOptions(settings.credentials, env),
  };
}

function credentialOptions(
  credentials: NatsConnectionSettings['credentials'],
  env: NodeJS.ProcessEnv,
): Pick<NodeConnectionOptions, 'token' | 'user' | 'pass'> {
  if (!credentials) return {};
  if (credentials.tokenEnv) return { token: secret(env, credentials.tokenEnv) };
  if (credentials.user && credentials.passwordEnv) {
    return { user: credentials.user, pass: secret(env, credentials.passwordEnv) };
  }
  return {};
}

function secret(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new MissingCredentialError(`environment variable ${name} is not set`);
  rememberSecret(value);
  return value;
}
