import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadSecrets,
  secretsFile,
  storeSecret,
  type Encryptor,
} from '../../../main/electron/secret-store';

/** A stand-in for safeStorage: reversible, and visibly not the clear text. */
const fakeKeystore = (available = true): Encryptor => ({
  isEncryptionAvailable: () => available,
  encryptString: (plain) => Buffer.from([...Buffer.from(plain)].map((byte) => byte ^ 0x5a)),
  decryptString: (encrypted) => {
    if (encrypted.length === 0) throw new Error('cannot decrypt');
    return Buffer.from([...encrypted].map((byte) => byte ^ 0x5a)).toString();
  },
});

describe('the desktop secret store', () => {
  it('keeps secrets encrypted, readable by the owner only, and sets them by name', () => {
    const file = secretsFile(mkdtempSync(join(tmpdir(), 'lagebild-secrets-')));
    storeSecret(file, 'TAXII_PASSWORD', 'hunter2-very-secret', fakeKeystore());
    storeSecret(file, 'NATS_TOKEN', 'n4ts', fakeKeystore());
    expect(readFileSync(file, 'utf8')).not.toContain('hunter2');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const env: NodeJS.ProcessEnv = { NATS_TOKEN: 'from-the-environment' };
    expect(loadSecrets(file, env, fakeKeystore())).toEqual({
      set: ['TAXII_PASSWORD'],
      unreadable: [],
    });
    expect(env).toEqual({
      TAXII_PASSWORD: 'hunter2-very-secret',
      NATS_TOKEN: 'from-the-environment',
    });
  });

  it('refuses to store in clear, refuses a name that is no variable, and names what it cannot read', () => {
    const file = secretsFile(mkdtempSync(join(tmpdir(), 'lagebild-secrets-')));
    expect(() => storeSecret(file, 'X', 'v', fakeKeystore(false))).toThrow(
      /keystore is not available/,
    );
    expect(() => storeSecret(file, 'not a name', 'v', fakeKeystore())).toThrow();
    storeSecret(file, 'EMPTY', '', fakeKeystore());
    expect(loadSecrets(file, {}, fakeKeystore())).toEqual({ set: [], unreadable: ['EMPTY'] });
    expect(loadSecrets(file, {}, fakeKeystore(false))).toEqual({ set: [], unreadable: ['EMPTY'] });
  });
});
