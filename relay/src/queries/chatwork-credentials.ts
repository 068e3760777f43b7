import { chatworkCredentials, type Db } from '@k2c/db';
import { eq } from '@k2c/db/operators';

export async function findChatworkCredentials(db: Db, tenantId: string) {
  const [row] = await db.select().from(chatworkCredentials).where(eq(chatworkCredentials.tenantId, tenantId)).limit(1);
  return row;
}

export async function upsertChatworkCredentials(
  db: Db,
  tenantId: string,
  values: {
    tokenCiphertext: string;
    tokenHint: string;
    tokenBucketKey: string;
    accountId: string;
    accountName: string;
    now: Date;
  },
): Promise<void> {
  const row = {
    tokenCiphertext: values.tokenCiphertext,
    tokenHint: values.tokenHint,
    tokenBucketKey: values.tokenBucketKey,
    accountId: values.accountId,
    accountName: values.accountName,
    status: 'active',
    updatedAt: values.now,
  };
  await db
    .insert(chatworkCredentials)
    .values({ tenantId, ...row })
    .onConflictDoUpdate({ target: chatworkCredentials.tenantId, set: row });
}

/** After ChatWork answers 401 the token is marked, so workers hold this tenant's deliveries. */
export async function markChatworkTokenInvalid(db: Db, tenantId: string): Promise<void> {
  await db.update(chatworkCredentials).set({ status: 'invalid' }).where(eq(chatworkCredentials.tenantId, tenantId));
}

/** Credentials stored before buckets were linked to them learn their bucket on first use. */
export async function setTokenBucketKey(db: Db, tenantId: string, tokenBucketKey: string): Promise<void> {
  await db.update(chatworkCredentials).set({ tokenBucketKey }).where(eq(chatworkCredentials.tenantId, tenantId));
}
