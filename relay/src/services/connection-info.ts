import type { Db } from '@k2c/db';
import { planFor } from '../billing/plans';
import { usageMonth } from '../billing/usage-month';
import type { Env } from '../env';
import { findTenant } from '../queries/accounts';
import { usageOf } from '../queries/usage';
import { chatworkSummary } from './chatwork-connection';

/** What the plug-in's "verify connection" shows: whose key this is, its plan and usage, and ChatWork. */
export async function connectionInfo(
  deps: { db: Db; env: Pick<Env, 'FREE_MONTHLY_QUOTA'>; now: () => Date },
  tenantId: string,
) {
  const tenant = await findTenant(deps.db, tenantId);
  const plan = planFor(deps.env, tenant?.planCode ?? 'free');
  const chatwork = await chatworkSummary(deps.db, tenantId);
  return {
    tenant: { name: tenant?.name ?? '' },
    plan: {
      code: plan.code,
      monthlyQuota: plan.monthlyQuota,
      usedThisMonth: await usageOf(deps.db, tenantId, usageMonth(deps.now())),
    },
    chatwork: chatwork && { accountId: chatwork.accountId, name: chatwork.name, tokenStatus: chatwork.status },
  };
}
