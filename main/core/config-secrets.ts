/**
 * How configuration files name secrets and servers: by the environment
 * variables that hold the secrets, never the secrets themselves, and by
 * URLs with no credentials in them.
 */
import { z } from 'zod';

/** The name of an environment variable: how a secret is referred to, never written here itself. */
export const EnvVarNameSchema = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name (A-Z, 0-9, _)');

/** An http(s) URL with no credentials in it: secrets come from the environment. */
export const HttpUrlSchema = z
  .url({ protocol: /^https?$/, error: 'an http:// or https:// URL' })
  .refine((url) => !/^https?:\/\/[^/?#]*@/i.test(url), {
    message: 'no credentials in the URL: use "auth" with environment variables',
  });

/** How an HTTP client feed proves who it is, by the environment variables holding the secrets. */
export const HttpAuthSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('basic'), user: z.string().min(1), passwordEnv: EnvVarNameSchema })
    .strict(),
  z.object({ type: z.literal('bearer'), tokenEnv: EnvVarNameSchema }).strict(),
]);
