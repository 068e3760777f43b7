import type { Db } from '@k2c/db';
import { type Keyring, rotateChatworkTokens } from '@k2c/relay';
import type { Print } from './inquiries';

/** `ops rotate-tokens`: re-encrypt every stored ChatWork token with the first key of ENCRYPTION_KEYS. */
export async function rotateTokensCommand(db: Db, keyring: Keyring, print: Print): Promise<boolean> {
  const result = await rotateChatworkTokens(db, keyring);
  print(
    `鍵 ${keyring.active.id} で再暗号化 / Re-encrypted with ${keyring.active.id}: ${result.rotated}; already current: ${result.alreadyCurrent}`,
  );
  for (const tenantId of result.unreadable) {
    print(`  読めないトークン / Unreadable token (its key is missing from ENCRYPTION_KEYS): tenant ${tenantId}`);
  }
  return result.unreadable.length === 0;
}
