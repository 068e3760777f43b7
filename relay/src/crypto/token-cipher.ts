import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keyring } from './keyring';

const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class CiphertextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CiphertextError';
  }
}

/**
 * AES-256-GCM with the tenant id as associated data, so a ciphertext copied onto another tenant's
 * row does not decrypt. Output: `v1.<keyId>.<base64url(iv | tag | ciphertext)>`.
 */
export function encryptSecret(keyring: Keyring, tenantId: string, plaintext: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyring.active.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(tenantId, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const payload = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  return `${FORMAT}.${keyring.active.id}.${payload}`;
}

export function ciphertextKeyId(ciphertext: string): string | undefined {
  const [format, keyId] = ciphertext.split('.');
  return format === FORMAT ? keyId : undefined;
}

export function decryptSecret(keyring: Keyring, tenantId: string, ciphertext: string): string {
  const [format, keyId, payload] = ciphertext.split('.');
  if (format !== FORMAT || !keyId || !payload) throw new CiphertextError('unknown ciphertext format');
  const key = keyring.byId.get(keyId);
  if (!key) throw new CiphertextError(`no encryption key with id ${keyId}`);
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new CiphertextError('ciphertext too short');
  // authTagLength pins the tag to 16 bytes: without it Node 20 accepts a truncated tag.
  const decipher = createDecipheriv('aes-256-gcm', key.key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(tenantId, 'utf8'));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new CiphertextError('ciphertext does not authenticate (wrong key or tenant, or altered)');
  }
}
