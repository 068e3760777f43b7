import { type Db, withTenant } from '@k2c/db';
import type { ChatworkClient } from '../chatwork/chatwork-client';
import type { Keyring } from '../crypto/keyring';
import { secretHint } from '../crypto/secrets';
import { decryptSecret, encryptSecret } from '../crypto/token-cipher';
import { tokenBucketKey } from '../delivery/rate-buckets';
import { AppError } from '../errors';
import { findChatworkCredentials, upsertChatworkCredentials } from '../queries/chatwork-credentials';
import { releaseHeldDeliveries } from '../queries/deliveries';

export interface ChatworkConnectionDeps {
  db: Db;
  keyring: Keyring;
  chatwork: ChatworkClient;
}

/**
 * Checks a token with ChatWork's GET /me before keeping it, so a typo is caught while the
 * administrator is still on the page, then stores it encrypted and sends anything that waited.
 */
export async function connectChatwork(deps: ChatworkConnectionDeps, tenantId: string, token: string, now: Date) {
  const me = await deps.chatwork.me(token);
  if (!me.ok) {
    if (me.kind === 'http' && (me.status === 401 || me.status === 403)) {
      throw new AppError('chatwork_token_rejected', 'ChatWork did not accept this API token');
    }
    throw new AppError('chatwork_unavailable', 'ChatWork could not be reached to check the token; try again shortly');
  }
  const account = me.value;
  await withTenant(deps.db, tenantId, async (tx) => {
    await upsertChatworkCredentials(tx, tenantId, {
      tokenCiphertext: encryptSecret(deps.keyring, tenantId, token),
      tokenHint: secretHint(token),
      tokenBucketKey: tokenBucketKey(token),
      accountId: account.accountId,
      accountName: account.name,
      now,
    });
    await releaseHeldDeliveries(tx, tenantId);
  });
  return { accountId: account.accountId, name: account.name, tokenHint: secretHint(token) };
}

export async function chatworkSummary(db: Db, tenantId: string) {
  const row = await withTenant(db, tenantId, (tx) => findChatworkCredentials(tx, tenantId));
  return row ? { accountId: row.accountId, name: row.accountName, tokenHint: row.tokenHint, status: row.status } : null;
}

/**
 * The tenant's token in clear; undefined when none is connected. Read as the relay itself (the
 * delivery worker serves every tenant); tenant-scoped callers go through chatworkTokenOf.
 */
export async function chatworkToken(deps: Pick<ChatworkConnectionDeps, 'db' | 'keyring'>, tenantId: string) {
  const row = await findChatworkCredentials(deps.db, tenantId);
  if (!row) return undefined;
  return {
    token: decryptSecret(deps.keyring, tenantId, row.tokenCiphertext),
    status: row.status,
    tokenBucketKey: row.tokenBucketKey,
  };
}

/** The tenant's token in clear, read under the tenant's own row security. */
export function chatworkTokenOf(deps: Pick<ChatworkConnectionDeps, 'db' | 'keyring'>, tenantId: string) {
  return withTenant(deps.db, tenantId, (tx) => chatworkToken({ db: tx, keyring: deps.keyring }, tenantId));
}
