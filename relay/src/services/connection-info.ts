import { type Db, withTenant } from '@k2c/db';
import { effectivePlan } from '../billing/effective-plan';
import { usageMonth } from '../billing/usage-month';
import type { Env } from '../env';
import { findTenant } from '../queries/accounts';
import { findChatworkCredentials } from '../queries/chatwork-credentials';
import { usageOf } from '../queries/usage';

/** What the plug-in's "verify connection" shows: whose key this is, its plan and usage, and ChatWork. */
export async function connectionInfo(
  deps: { db: Db; env: Pick<Env, 'FREE_MONTHLY_QUOTA'>; now: () => Date },
  tenantId: string,
) {
  return withTenant(deps.db, tenantId, async (tx) => {
    const tenant = await findTenant(tx, tenantId);
    const held = tenant ?? { planCode: 'free', planStatus: 'active', planGraceUntil: null };
    const { plan, suspended } = effectivePlan(deps.env, held, deps.now());
    const chatwork = await findChatworkCredentials(tx, tenantId);
    return {
      tenant: { name: tenant?.name ?? '' },
      plan: {
        code: suspended?.code ?? plan.code,
        // active; past_due (a payment failed, the plan works during the grace period); suspended.
        status: suspended ? 'suspended' : held.planStatus,
        monthlyQuota: plan.monthlyQuota,
        usedThisMonth: await usageOf(tx, tenantId, usageMonth(deps.now())),
      },
      chatwork: chatwork
        ? { accountId: chatwork.accountId, name: chatwork.accountName, tokenStatus: chatwork.status }
        : null,
    };
  });
}
