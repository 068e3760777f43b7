export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** The first key encrypts; every key decrypts, so old ciphertexts stay readable during rotation. */
export interface Keyring {
  active: EncryptionKey;
  byId: ReadonlyMap<string, EncryptionKey>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Parses `id:base64key,id:base64key` (contract 3); each key must be 32 bytes for AES-256. */
export function parseKeyring(text: string): Keyring {
  const keys = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry, index) => {
      const separator = entry.indexOf(':');
      const id = separator > 0 ? entry.slice(0, separator) : '';
      if (!KEY_ID.test(id))
        throw new Error(`ENCRYPTION_KEYS entry ${index + 1}: the key id must be 1-32 letters, digits, _ or -`);
      const key = Buffer.from(entry.slice(separator + 1), 'base64');
      if (key.length !== 32)
        throw new Error(`ENCRYPTION_KEYS entry ${index + 1} (${id}): the key must be 32 bytes, base64-encoded`);
      return { id, key };
    });
  const [active] = keys;
  if (!active) throw new Error('ENCRYPTION_KEYS must hold at least one key');
  const byId = new Map<string, EncryptionKey>();
  for (const key of keys) {
    if (byId.has(key.id)) throw new Error(`ENCRYPTION_KEYS: the key id ${key.id} appears twice`);
    byId.set(key.id, key);
  }
  return { active, byId };
}
