import { randomBytes, randomUUID } from 'node:crypto';
import { chatworkCredentials, connectionKeys, type Db, tenants, users } from '@k2c/db';
import { encryptSecret, type Keyring } from '@k2c/relay';

/** A tenant with a user, a connection key and a ChatWork token, written straight to the database. */
export async function connectChatworkForTest(db: Db, keyring: Keyring) {
  const companyName = `運用テスト ${randomUUID().slice(0, 8)}`;
  const email = `ops-${randomUUID()}@example.com`;
  const password = 'operator test passphrase';
  const chatworkToken = `cw${randomBytes(16).toString('hex')}`;
  const connectionKey = `k2c_${randomBytes(32).toString('base64url')}`;
  const [tenant] = await db.insert(tenants).values({ name: companyName }).returning();
  const tenantId = tenant?.id as string;
  await db.insert(users).values({ tenantId, email, passwordHash: 'argon2-hash-not-needed-here' });
  await db
    .insert(connectionKeys)
    .values({ tenantId, label: 'kintone', keyHash: `hash-${tenantId}`, hint: connectionKey.slice(-4) });
  await db.insert(chatworkCredentials).values({
    tenantId,
    tokenCiphertext: encryptSecret(keyring, tenantId, chatworkToken),
    tokenHint: chatworkToken.slice(-4),
    accountId: '42',
    accountName: '通知ボット',
  });
  return { tenantId, companyName, email, password, chatworkToken, connectionKey };
}
