import {
  chatworkCredentials,
  connectionKeys,
  type Db,
  deliveries,
  inquiries,
  passwordResets,
  sessions,
  tenants,
  usageCounters,
  users,
} from '@k2c/db';
import { and, asc, eq, inArray, isNull, lt, sql } from '@k2c/db/operators';

/** Every row that holds something about the tenant, for the data export. */
export async function readAccountData(db: Db, tenantId: string) {
  return {
    tenant: await db.select().from(tenants).where(eq(tenants.id, tenantId)),
    users: await db
      .select({ email: users.email, createdAt: users.createdAt })
      .from(users)
      .where(eq(users.tenantId, tenantId)),
    sessions: await db
      .select({ createdAt: sessions.createdAt, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(eq(sessions.tenantId, tenantId)),
    passwordResets: await db
      .select({
        createdAt: passwordResets.createdAt,
        expiresAt: passwordResets.expiresAt,
        usedAt: passwordResets.usedAt,
      })
      .from(passwordResets)
      .where(eq(passwordResets.tenantId, tenantId)),
    connectionKeys: await db
      .select({
        label: connectionKeys.label,
        hint: connectionKeys.hint,
        createdAt: connectionKeys.createdAt,
        lastUsedAt: connectionKeys.lastUsedAt,
        revokedAt: connectionKeys.revokedAt,
      })
      .from(connectionKeys)
      .where(eq(connectionKeys.tenantId, tenantId)),
    chatwork: await db
      .select({
        accountId: chatworkCredentials.accountId,
        accountName: chatworkCredentials.accountName,
        tokenHint: chatworkCredentials.tokenHint,
        status: chatworkCredentials.status,
        updatedAt: chatworkCredentials.updatedAt,
      })
      .from(chatworkCredentials)
      .where(eq(chatworkCredentials.tenantId, tenantId)),
    deliveries: await db
      .select()
      .from(deliveries)
      .where(eq(deliveries.tenantId, tenantId))
      .orderBy(asc(deliveries.createdAt)),
    usage: await db
      .select({ month: usageCounters.month, messages: sql<number>`sum(${usageCounters.messages})::int` })
      .from(usageCounters)
      .where(eq(usageCounters.tenantId, tenantId))
      .groupBy(usageCounters.month),
    inquiries: await db
      .select({
        createdAt: inquiries.createdAt,
        name: inquiries.name,
        email: inquiries.email,
        message: inquiries.message,
        status: inquiries.status,
        closedAt: inquiries.closedAt,
      })
      .from(inquiries)
      .where(eq(inquiries.tenantId, tenantId)),
  };
}

/**
 * The part of an account deletion that happens at once: keys revoked, sessions and reset links
 * gone, messages not yet sent stopped and erased, and the purge date set.
 */
export async function closeAccount(db: Db, tenantId: string, now: Date, purgeAfter: Date): Promise<void> {
  await db
    .update(connectionKeys)
    .set({ revokedAt: now })
    .where(and(eq(connectionKeys.tenantId, tenantId), isNull(connectionKeys.revokedAt)));
  await db.delete(sessions).where(eq(sessions.tenantId, tenantId));
  await db.delete(passwordResets).where(eq(passwordResets.tenantId, tenantId));
  await db
    .update(deliveries)
    .set({
      status: 'failed',
      body: null,
      errorCode: 'account_deleted',
      errorMessage: 'The account was deleted before this message was sent',
      finishedAt: now,
      leaseExpiresAt: null,
    })
    .where(and(eq(deliveries.tenantId, tenantId), inArray(deliveries.status, ['queued', 'sending', 'held'])));
  await db.update(deliveries).set({ body: null }).where(eq(deliveries.tenantId, tenantId));
  await db.update(tenants).set({ deletionRequestedAt: now, purgeAfter }).where(eq(tenants.id, tenantId));
}

/** Tenants whose 30 days after the deletion request have passed. */
export function tenantsDueForPurge(db: Db, now: Date) {
  return db.select({ id: tenants.id }).from(tenants).where(lt(tenants.purgeAfter, now)).limit(100);
}

/**
 * Deletes the tenant and everything that belongs to it: the delivery log and usage counts
 * explicitly (they carry no foreign key, to keep the accepting path free of row locks on the
 * tenant), every other table by ON DELETE CASCADE. In batches, so no lock is held for long.
 */
export async function purgeTenant(db: Db, tenantId: string): Promise<void> {
  for (;;) {
    const batch = db
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(eq(deliveries.tenantId, tenantId))
      .limit(1_000);
    const deleted = await db.delete(deliveries).where(inArray(deliveries.id, batch)).returning({ id: deliveries.id });
    if (deleted.length < 1_000) break;
  }
  await db.delete(usageCounters).where(eq(usageCounters.tenantId, tenantId));
  await db.delete(tenants).where(eq(tenants.id, tenantId));
}

export async function deleteClosedInquiriesBefore(db: Db, cutoff: Date): Promise<number> {
  const rows = await db
    .delete(inquiries)
    .where(and(eq(inquiries.status, 'closed'), lt(inquiries.closedAt, cutoff)))
    .returning({ id: inquiries.id });
  return rows.length;
}

export async function insertInquiry(
  db: Db,
  input: { name: string; email: string; message: string; tenantId?: string | undefined },
): Promise<{ id: string }> {
  const [row] = await db
    .insert(inquiries)
    .values({ name: input.name, email: input.email, message: input.message, tenantId: input.tenantId ?? null })
    .returning({ id: inquiries.id });
  if (!row) throw new Error('inquiry insert returned nothing');
  return row;
}

export function listInquiries(db: Db, status: 'open' | 'closed' | 'all') {
  const query = db.select().from(inquiries).orderBy(asc(inquiries.createdAt));
  return status === 'all' ? query : query.where(eq(inquiries.status, status));
}

export async function closeInquiry(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(inquiries)
    .set({ status: 'closed', closedAt: now })
    .where(and(eq(inquiries.id, id), eq(inquiries.status, 'open')))
    .returning({ id: inquiries.id });
  return rows.length > 0;
}
