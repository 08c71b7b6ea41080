/**
 * Feed secrets kept by the desktop app, encrypted with the operating
 * system's keystore through Electron's safeStorage (Keychain, DPAPI,
 * libsecret), in a file of the user data directory. The configuration only
 * ever names a secret, as the environment variable that serve mode reads
 * it from; at start the desktop app sets each stored secret there unless
 * the environment already holds it. Values are never written in clear and
 * never logged; names are.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** What safeStorage offers, as far as this file uses it. */
export interface Encryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** A secret's name: the environment variable a configuration names for it. */
export const SecretNameSchema = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]{0,63}$/, 'upper-case letters, digits and underscores');

const StoreSchema = z.record(SecretNameSchema, z.string().max(16_384));

/** The file the secrets are kept in. */
export function secretsFile(userData: string): string {
  return join(userData, 'secrets.json');
}

function readStore(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  return StoreSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Encrypts and keeps `value` as secret `name`, replacing one of that name. */
export function storeSecret(file: string, name: string, value: string, crypto: Encryptor): void {
  SecretNameSchema.parse(name);
  if (!crypto.isEncryptionAvailable()) {
    throw new Error('the system keystore is not available: secrets cannot be stored encrypted');
  }
  const store = readStore(file);
  store[name] = crypto.encryptString(value).toString('base64');
  writeFileSync(file, `${JSON.stringify(store, null, 2)}\n`, { mode: 0o600 });
  // writeFileSync's mode applies only when it creates the file.
  chmodSync(file, 0o600);
}

/**
 * Sets each stored secret in `env` unless `env` already has it; returns the
 * names set, and those that could not be decrypted (a store copied from
 * another machine or user).
 */
export function loadSecrets(
  file: string,
  env: NodeJS.ProcessEnv,
  crypto: Encryptor,
): { set: string[]; unreadable: string[] } {
  const set: string[] = [];
  const unreadable: string[] = [];
  const store = readStore(file);
  if (Object.keys(store).length > 0 && !crypto.isEncryptionAvailable()) {
    return { set, unreadable: Object.keys(store) };
  }
  for (const [name, encrypted] of Object.entries(store)) {
    if (env[name] !== undefined) continue;
    try {
      env[name] = crypto.decryptString(Buffer.from(encrypted, 'base64'));
      set.push(name);
    } catch {
      unreadable.push(name);
    }
  }
  return { set, unreadable };
}
