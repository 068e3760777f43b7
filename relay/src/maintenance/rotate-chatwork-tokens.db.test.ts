import { randomBytes } from 'node:crypto';
import { chatworkCredentials, tenants } from '@k2c/db';
import { openTestDb, type TestDatabase } from '@k2c/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKeyring } from '../crypto/keyring';
import { ciphertextKeyId, decryptSecret, encryptSecret } from '../crypto/token-cipher';
import { rotateChatworkTokens } from './rotate-chatwork-tokens';

describe('rotateChatworkTokens', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDb();
  });
  afterAll(() => database.close());

  it('re-encrypts every token with the newest key, after which the old key can go', async () => {
    const oldKey = `old:${randomBytes(32).toString('base64')}`;
    const newKey = `new:${randomBytes(32).toString('base64')}`;
    const before = parseKeyring(oldKey);
    const [a, b, c] = await database.db
      .insert(tenants)
      .values([{ name: 'a' }, { name: 'b' }, { name: 'c' }])
      .returning();
    const store = (tenantId: string, ciphertext: string) => ({
      tenantId,
      tokenCiphertext: ciphertext,
      tokenHint: 'abcd',
      accountId: '1',
      accountName: 'n',
    });
    await database.db.insert(chatworkCredentials).values([
      store(a?.id as string, encryptSecret(before, a?.id as string, 'token-a')),
      store(b?.id as string, encryptSecret(before, b?.id as string, 'token-b')),
      // Encrypted with a key nobody has any more: reported, left alone.
      store(
        c?.id as string,
        encryptSecret(parseKeyring(`lost:${randomBytes(32).toString('base64')}`), c?.id as string, 'x'),
      ),
    ]);

    const rotation = parseKeyring(`${newKey},${oldKey}`);
    expect(await rotateChatworkTokens(database.db, rotation)).toEqual({
      rotated: 2,
      alreadyCurrent: 0,
      unreadable: [c?.id],
    });
    expect(await rotateChatworkTokens(database.db, rotation)).toEqual({
      rotated: 0,
      alreadyCurrent: 2,
      unreadable: [c?.id],
    });

    const onlyNew = parseKeyring(newKey);
    const rows = await database.db.select().from(chatworkCredentials);
    const tokens = rows
      .filter((row) => row.tenantId !== c?.id)
      .map((row) => {
        expect(ciphertextKeyId(row.tokenCiphertext)).toBe('new');
        return decryptSecret(onlyNew, row.tenantId, row.tokenCiphertext);
      });
    expect(tokens.sort()).toEqual(['token-a', 'token-b']);
  });
});
