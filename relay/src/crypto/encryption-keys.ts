import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Keyring, parseKeyring } from './keyring';

export interface EncryptionKeySource {
  ENCRYPTION_KEYS?: string | undefined;
  NODE_ENV: string;
  DATA_DIR: string;
}

/**
 * ENCRYPTION_KEYS wins. Outside production a missing setting is filled from a key generated once
 * into DATA_DIR, so a trial works with no setup; production refuses to start without it, since a
 * generated key on a disposable disk would make every stored token unreadable.
 */
export function loadKeyring(source: EncryptionKeySource): { keyring: Keyring; generatedAt?: string } {
  if (source.ENCRYPTION_KEYS) return { keyring: parseKeyring(source.ENCRYPTION_KEYS) };
  if (source.NODE_ENV === 'production') {
    throw new Error('ENCRYPTION_KEYS is required in production (id:base64-32-byte-key, first is active)');
  }
  const path = join(source.DATA_DIR, 'encryption-keys');
  if (!existsSync(path)) {
    mkdirSync(source.DATA_DIR, { recursive: true });
    const id = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`;
    writeFileSync(path, `${id}:${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return { keyring: parseKeyring(readFileSync(path, 'utf8')), generatedAt: path };
  }
  return { keyring: parseKeyring(readFileSync(path, 'utf8')) };
}
