import { chatworkCredentials, type Db } from '@k2c/db';
import { eq } from '@k2c/db/operators';
import type { Keyring } from '../crypto/keyring';
import { ciphertextKeyId, decryptSecret, encryptSecret } from '../crypto/token-cipher';

export interface RotationResult {
  rotated: number;
  alreadyCurrent: number;
  /** Tenants whose token no configured key can open (its key was removed too early). */
  unreadable: string[];
}

/**
 * Re-encrypts every stored ChatWork token with the active (first) key of ENCRYPTION_KEYS, so an
 * old key can be retired afterwards. Each row is rewritten on its own; a token no key opens is
 * reported and left as it is.
 */
export async function rotateChatworkTokens(db: Db, keyring: Keyring): Promise<RotationResult> {
  const result: RotationResult = { rotated: 0, alreadyCurrent: 0, unreadable: [] };
  const rows = await db
    .select({ tenantId: chatworkCredentials.tenantId, tokenCiphertext: chatworkCredentials.tokenCiphertext })
    .from(chatworkCredentials);
  for (const row of rows) {
    if (ciphertextKeyId(row.tokenCiphertext) === keyring.active.id) {
      result.alreadyCurrent += 1;
      continue;
    }
    let token: string;
    try {
      token = decryptSecret(keyring, row.tenantId, row.tokenCiphertext);
    } catch {
      result.unreadable.push(row.tenantId);
      continue;
    }
    await db
      .update(chatworkCredentials)
      .set({ tokenCiphertext: encryptSecret(keyring, row.tenantId, token) })
      .where(eq(chatworkCredentials.tenantId, row.tenantId));
    result.rotated += 1;
  }
  return result;
}
