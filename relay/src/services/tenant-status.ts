import { chatworkCredentials, connectionKeys, type Db, deliveries, tenants, users } from '@k2c/db';
import { count, eq, sql } from '@k2c/db/operators';
import { planFor } from '../billing/plans';
import { usageMonth } from '../billing/usage-month';
import type { Env } from '../env';
import { usageOf } from '../queries/usage';

/**
 * What support needs to know about a tenant, found by tenant id or by a user's e-mail: plan,
 * usage, keys (label and hint only), the ChatWork connection (account and token hint only) and
 * the delivery log by status. Read as the relay itself: an operator is not a tenant.
 */
export async function tenantStatus(db: Db, env: Pick<Env, 'FREE_MONTHLY_QUOTA'>, idOrEmail: string, now: Date) {
  const byEmail = idOrEmail.includes('@');
  const [tenant] = byEmail
    ? await db
        .select({ tenant: tenants })
        .from(users)
        .innerJoin(tenants, eq(tenants.id, users.tenantId))
        .where(eq(users.email, idOrEmail.trim().toLowerCase()))
        .then((rows) => rows.map((row) => row.tenant))
    : /^[0-9a-f-]{36}$/i.test(idOrEmail)
      ? await db.select().from(tenants).where(eq(tenants.id, idOrEmail))
      : [];
  if (!tenant) return undefined;
  const plan = planFor(env, tenant.planCode);
  const [chatwork] = await db.select().from(chatworkCredentials).where(eq(chatworkCredentials.tenantId, tenant.id));
  return {
    id: tenant.id,
    name: tenant.name,
    createdAt: tenant.createdAt.toISOString(),
    deletion: tenant.purgeAfter
      ? { requestedAt: tenant.deletionRequestedAt?.toISOString(), purgeAfter: tenant.purgeAfter.toISOString() }
      : null,
    plan: {
      code: plan.code,
      monthlyQuota: plan.monthlyQuota,
      usedThisMonth: await usageOf(db, tenant.id, usageMonth(now)),
    },
    users: (await db.select({ email: users.email }).from(users).where(eq(users.tenantId, tenant.id))).map(
      (user) => user.email,
    ),
    connectionKeys: await db
      .select({
        label: connectionKeys.label,
        hint: connectionKeys.hint,
        lastUsedAt: connectionKeys.lastUsedAt,
        revokedAt: connectionKeys.revokedAt,
      })
      .from(connectionKeys)
      .where(eq(connectionKeys.tenantId, tenant.id)),
    chatwork: chatwork
      ? {
          accountId: chatwork.accountId,
          accountName: chatwork.accountName,
          tokenHint: chatwork.tokenHint,
          status: chatwork.status,
        }
      : null,
    deliveries: Object.fromEntries(
      (
        await db
          .select({ status: deliveries.status, count: count() })
          .from(deliveries)
          .where(eq(deliveries.tenantId, tenant.id))
          .groupBy(deliveries.status)
      ).map((row) => [row.status, Number(row.count)]),
    ),
    lastDeliveryAt:
      (
        await db
          .select({ at: sql<Date | string | null>`max(${deliveries.createdAt})` })
          .from(deliveries)
          .where(eq(deliveries.tenantId, tenant.id))
      )[0]?.at ?? null,
  };
}
