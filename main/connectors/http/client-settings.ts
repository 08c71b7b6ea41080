/**
 * What every request of one HTTP feed carries: its Authorization header,
 * built from secrets in the environment, and the CA it trusts. Both are
 * read at each poll, so a rotated secret or CA file is picked up without
 * a restart. The header holds a secret and is never logged.
 */
import { readFile } from 'node:fs/promises';
import { rememberSecret } from '../../core/known-secrets';
import { MissingCredentialError } from '../nats/connection-options';

/** How a feed authenticates, by the names of the environment variables holding the secrets. */
export type HttpAuth =
  { type: 'basic'; user: string; passwordEnv: string } | { type: 'bearer'; tokenEnv: string };

/** The credentials and trust of one feed's requests. */
export interface ClientSettings {
  authorization?: string;
  ca?: string;
}

/** Reads the secret and CA file a feed names; throws naming the variable or file that is missing. */
export async function clientSettings(
  options: { auth?: HttpAuth; authorizationEnv?: string; caFile?: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<ClientSettings> {
  const authorization = options.authorizationEnv
    ? secret(env, options.authorizationEnv)
    : authHeader(options.auth, env);
  const ca = options.caFile === undefined ? undefined : await readCa(options.caFile);
  return { ...(authorization ? { authorization } : {}), ...(ca ? { ca } : {}) };
}

function authHeader(auth: HttpAuth | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (!auth) return undefined;
  if (auth.type === 'bearer') return `Bearer ${secret(env, auth.tokenEnv)}`;
  const pair = `${auth.user}:${secret(env, auth.passwordEnv)}`;
  const encoded = Buffer.from(pair, 'utf8').toString('base64');
  rememberSecret(encoded);
  return `Basic ${encoded}`;
}

function secret(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new MissingCredentialError(`environment variable ${name} is not set`);
  rememberSecret(value);
  return value;
}

async function readCa(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`cannot read CA file ${path}: ${code}`, { cause: error });
  }
}
