import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseKeyring } from './keyring';
import { CiphertextError, ciphertextKeyId, decryptSecret, encryptSecret } from './token-cipher';

const key = () => randomBytes(32).toString('base64');

describe('token cipher', () => {
  const old = key();
  const keyring = parseKeyring(`k1:${old}`);
  const tenant = '6f1b0c1e-2a34-4f5e-9d6a-0b1c2d3e4f50';

  it('round-trips a token and never stores it in clear', () => {
    const ciphertext = encryptSecret(keyring, tenant, 'cw-secret-token-1234');
    expect(ciphertext).toMatch(/^v1\.k1\.[A-Za-z0-9_-]+$/);
    expect(ciphertext).not.toContain('cw-secret');
    expect(decryptSecret(keyring, tenant, ciphertext)).toBe('cw-secret-token-1234');
  });

  it('uses a fresh IV each time', () => {
    expect(encryptSecret(keyring, tenant, 'same')).not.toBe(encryptSecret(keyring, tenant, 'same'));
  });

  it('binds the ciphertext to its tenant', () => {
    const ciphertext = encryptSecret(keyring, tenant, 'token');
    expect(() => decryptSecret(keyring, 'another-tenant', ciphertext)).toThrow(CiphertextError);
  });

  it('rejects an altered or truncated ciphertext', () => {
    const ciphertext = encryptSecret(keyring, tenant, 'token');
    const [format, id, payload] = ciphertext.split('.') as [string, string, string];
    const bytes = Buffer.from(payload, 'base64url');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => decryptSecret(keyring, tenant, `${format}.${id}.${bytes.toString('base64url')}`)).toThrow(
      CiphertextError,
    );
    expect(() => decryptSecret(keyring, tenant, `${format}.${id}.${payload.slice(0, 20)}`)).toThrow(CiphertextError);
  });

  it('keeps old ciphertexts readable after a new key becomes active', () => {
    const before = encryptSecret(keyring, tenant, 'token');
    const rotated = parseKeyring(`k2:${key()},k1:${old}`);
    expect(decryptSecret(rotated, tenant, before)).toBe('token');
    expect(ciphertextKeyId(encryptSecret(rotated, tenant, 'token'))).toBe('k2');
    expect(() => decryptSecret(parseKeyring(`k2:${key()}`), tenant, before)).toThrow(/no encryption key with id k1/);
  });
});

describe('parseKeyring', () => {
  it.each([
    ['', /at least one key/],
    ['k1', /key id/],
    [`k1:${Buffer.alloc(16).toString('base64')}`, /32 bytes/],
    [`k1:${key()},k1:${key()}`, /appears twice/],
  ])('refuses %j', (text, message) => expect(() => parseKeyring(text)).toThrow(message));
});
