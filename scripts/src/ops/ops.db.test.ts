import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { chatworkCredentials, inquiries } from '@k2c/db';
import { openTestDb, type TestDatabase } from '@k2c/db/testing';
import { parseEnv, parseKeyring } from '@k2c/relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeInquiryCommand, printInquiries } from './inquiries';
import { rotateTokensCommand } from './rotate-tokens';
import { printTenant } from './tenant';
import { connectChatworkForTest } from './test-account';

describe('operator commands', () => {
  let database: TestDatabase;
  const env = parseEnv({ FREE_MONTHLY_QUOTA: '100' });
  const output: string[] = [];
  const print = (line: string) => output.push(line);

  beforeAll(async () => {
    database = await openTestDb();
  });
  afterAll(() => database.close());

  it('shows a tenant’s status and usage by e-mail or id, with hints but never secrets', async () => {
    const keyring = parseKeyring(`k1:${randomBytes(32).toString('base64')}`);
    const account = await connectChatworkForTest(database.db, keyring);
    output.length = 0;
    expect(await printTenant(database.db, env, account.email.toUpperCase(), new Date(), print)).toBe(true);
    const text = output.join('\n');
    expect(text).toContain(account.companyName);
    expect(text).toContain('plan free: 0 / 100 messages this month');
    expect(text).toContain(`token …${account.chatworkToken.slice(-4)}`);
    expect(text).toContain(`key "kintone" …${account.connectionKey.slice(-4)}`);
    for (const secret of [account.chatworkToken, account.connectionKey, account.password])
      expect(text).not.toContain(secret);

    output.length = 0;
    expect(await printTenant(database.db, env, account.tenantId, new Date(), print)).toBe(true);
    expect(output[0]).toContain(account.tenantId);
    expect(await printTenant(database.db, env, 'nobody@example.com', new Date(), print)).toBe(false);
  });

  it('lists open inquiries and closes one', async () => {
    const [inquiry] = await database.db
      .insert(inquiries)
      .values({ name: '田中', email: 'tanaka@example.com', message: '請求書について\n教えてください' })
      .returning();
    output.length = 0;
    await printInquiries(database.db, 'open', print);
    expect(output.join('\n')).toContain('田中 <tanaka@example.com>');
    expect(output).toContain('    教えてください');
    expect(await closeInquiryCommand(database.db, inquiry?.id as string, new Date(), print)).toBe(true);
    expect(await closeInquiryCommand(database.db, inquiry?.id as string, new Date(), print)).toBe(false);
    output.length = 0;
    await printInquiries(database.db, 'open', print);
    expect(output.join('\n')).not.toContain('田中');
  });

  it('rotates stored ChatWork tokens to the newest key', async () => {
    // Only this test's token: the others were written with keys this rotation does not hold.
    await database.db.delete(chatworkCredentials);
    const old = `old:${randomBytes(32).toString('base64')}`;
    const account = await connectChatworkForTest(database.db, parseKeyring(old));
    output.length = 0;
    expect(
      await rotateTokensCommand(database.db, parseKeyring(`new:${randomBytes(32).toString('base64')},${old}`), print),
    ).toBe(true);
    expect(output[0]).toMatch(/Re-encrypted with new: [1-9]/);
    const rows = await database.db.select().from(chatworkCredentials);
    expect(rows.find((row) => row.tenantId === account.tenantId)?.tokenCiphertext).toMatch(/^v1\.new\./);
    expect(output.join('\n')).not.toContain(account.chatworkToken);
  });

  it('explains itself', () => {
    const script = fileURLToPath(new URL('../ops.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', script, 'help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('pnpm ops tenant');
  });
});
