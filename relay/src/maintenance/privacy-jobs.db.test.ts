import { chatworkRoomMembers, connectionKeys, deliveries, inquiries, tenants, usageCounters, users } from '@k2c/db';
import { eq, sql } from '@k2c/db/operators';
import { openTestDb, type TestDatabase } from '@k2c/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { privacyJobs } from './privacy-jobs';

describe('privacy jobs', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDb();
  });
  afterAll(() => database.close());

  const run = async (name: string, purged: string[] = []) => {
    const jobs = privacyJobs(database.db, createLogger('silent'), async (tenantId) => {
      purged.push(tenantId);
    });
    await jobs.find((job) => job.name === name)?.run();
  };

  it('purges accounts 30 days after the deletion request, with everything that belongs to them', async () => {
    const [due, recent] = await database.db
      .insert(tenants)
      .values([
        {
          name: 'due',
          deletionRequestedAt: sql`now() - interval '31 days'`,
          purgeAfter: sql`now() - interval '1 day'`,
        },
        { name: 'recent', deletionRequestedAt: sql`now()`, purgeAfter: sql`now() + interval '29 days'` },
      ])
      .returning();
    const dueId = due?.id as string;
    await database.db.insert(users).values({ tenantId: dueId, email: `gone-${dueId}@example.com`, passwordHash: 'x' });
    await database.db
      .insert(connectionKeys)
      .values({ tenantId: dueId, label: 'k', keyHash: `h-${dueId}`, hint: 'abcd' });
    await database.db.insert(inquiries).values({ tenantId: dueId, name: 'n', email: 'e@example.com', message: 'm' });
    await database.db.insert(deliveries).values({
      tenantId: dueId,
      idempotencyKey: 'k',
      appId: '1',
      recordId: '1',
      event: 'create',
      ruleId: 'r',
      ruleName: 'r',
      roomId: '1',
    });
    await database.db.insert(usageCounters).values({ tenantId: dueId, month: '2026-12', messages: 3 });
    const purged: string[] = [];
    await run('account-purge', purged);
    expect(purged).toEqual([dueId]);
    expect(await database.db.$count(tenants, eq(tenants.id, dueId))).toBe(0);
    expect(await database.db.$count(users, eq(users.tenantId, dueId))).toBe(0);
    expect(await database.db.$count(connectionKeys, eq(connectionKeys.tenantId, dueId))).toBe(0);
    expect(await database.db.$count(deliveries, eq(deliveries.tenantId, dueId))).toBe(0);
    expect(await database.db.$count(usageCounters, eq(usageCounters.tenantId, dueId))).toBe(0);
    expect(await database.db.$count(tenants, eq(tenants.id, recent?.id as string))).toBe(1);
  });

  it('deletes inquiries 24 months after they were closed, and only then', async () => {
    await database.db.insert(inquiries).values([
      {
        name: 'old',
        email: 'a@example.com',
        message: 'm',
        status: 'closed',
        closedAt: sql`now() - interval '25 months'`,
      },
      {
        name: 'kept',
        email: 'b@example.com',
        message: 'm',
        status: 'closed',
        closedAt: sql`now() - interval '23 months'`,
      },
      { name: 'open', email: 'c@example.com', message: 'm', createdAt: sql`now() - interval '30 months'` },
    ]);
    await run('inquiry-retention');
    const names = (await database.db.select({ name: inquiries.name }).from(inquiries)).map((row) => row.name);
    expect(names).not.toContain('old');
    expect(names).toEqual(expect.arrayContaining(['kept', 'open']));
  });

  it('erases failed messages after their 7-day retry window, and forgets cached member names after a day', async () => {
    const [tenant] = await database.db.insert(tenants).values({ name: 't' }).returning();
    const row = (key: string, finishedAgo: string) => ({
      tenantId: tenant?.id as string,
      idempotencyKey: key,
      appId: '1',
      recordId: '1',
      event: 'create',
      ruleId: 'r',
      ruleName: 'r',
      roomId: '1',
      status: 'failed' as const,
      body: `body ${key}`,
      finishedAt: sql`now() - ${finishedAgo}::interval`,
    });
    await database.db.insert(deliveries).values([row('old', '8 days'), row('new', '6 days')]);
    await database.db.insert(chatworkRoomMembers).values([
      { tokenKey: 'token:a', roomId: '1', members: { '1': '山田' }, fetchedAt: sql`now() - interval '2 days'` },
      { tokenKey: 'token:a', roomId: '2', members: { '1': '山田' } },
    ]);
    await run('delivery-retention');
    await run('member-name-cache');
    const bodies = Object.fromEntries(
      (
        await database.db
          .select()
          .from(deliveries)
          .where(eq(deliveries.tenantId, tenant?.id as string))
      ).map((found) => [found.idempotencyKey, found.body]),
    );
    expect(bodies).toEqual({ old: null, new: 'body new' });
    expect((await database.db.select().from(chatworkRoomMembers)).map((found) => found.roomId)).toEqual(['2']);
  });
});
