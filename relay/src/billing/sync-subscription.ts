import type { Db } from '@k2c/db';
import { withTenant } from '@k2c/db';
import type Stripe from 'stripe';
import type { Env } from '../env';
import type { Logger } from '../logger';
import {
  findBillingState,
  saveSubscription,
  type TenantPlanUpdate,
  tenantExists,
  tenantOfCustomer,
} from '../queries/billing';
import { PAYMENT_GRACE_MS } from './effective-plan';
import { planForStripePrice } from './plans';

export interface BillingDeps {
  db: Db;
  env: Env;
  stripe: Stripe;
  logger: Logger;
  now: () => Date;
}

/** Subscription statuses that keep the paid plan (with a grace period for the unpaid ones). */
export const KEEPS_PLAN = new Set(['active', 'trialing', 'past_due', 'unpaid']);

/** The plan a Stripe subscription puts in force, given what was in force before. */
export function planFromSubscription(
  subscription: { status: string; planCode: string | undefined },
  previous: { planStatus: string; planGraceUntil: Date | null } | undefined,
  now: Date,
): TenantPlanUpdate {
  if (!subscription.planCode || !KEEPS_PLAN.has(subscription.status)) {
    // Canceled, expired or never paid: back to the free plan.
    return { planCode: 'free', planStatus: 'active', planGraceUntil: null };
  }
  if (subscription.status === 'past_due' || subscription.status === 'unpaid') {
    // The grace period starts at the first failure and is not extended by later ones; Stripe
    // giving up ('unpaid') ends it at once.
    const graceStarted = previous?.planStatus === 'past_due' ? previous.planGraceUntil : null;
    const graceUntil = graceStarted ?? new Date(now.getTime() + PAYMENT_GRACE_MS);
    return {
      planCode: subscription.planCode,
      planStatus: 'past_due',
      planGraceUntil:
        subscription.status === 'unpaid' ? new Date(Math.min(graceUntil.getTime(), now.getTime())) : graceUntil,
    };
  }
  return { planCode: subscription.planCode, planStatus: 'active', planGraceUntil: null };
}

function idOf(value: string | { id: string } | null | undefined): string | undefined {
  return typeof value === 'string' ? value : (value?.id ?? undefined);
}

/**
 * Brings a tenant's plan in line with Stripe's subscription, fetched fresh from Stripe: events may
 * arrive late, twice or out of order, so their own copy of the subscription is never trusted.
 * The tenant comes from the subscription's metadata, or from its customer.
 */
export async function syncSubscription(
  deps: BillingDeps,
  subscriptionId: string,
  hintTenantId?: string,
): Promise<void> {
  const subscription = await deps.stripe.subscriptions.retrieve(subscriptionId);
  const customerId = idOf(subscription.customer);
  const metadataTenant = subscription.metadata?.tenant_id;
  let tenantId = hintTenantId ?? metadataTenant;
  if (!tenantId && customerId) tenantId = await tenantOfCustomer(deps.db, customerId);
  if (!tenantId || !(await tenantExists(deps.db, tenantId))) {
    deps.logger.warn('stripe subscription for an unknown tenant', { subscriptionId, customerId });
    return;
  }
  const item = subscription.items.data[0];
  const plan = item ? planForStripePrice(deps.env, item.price.id) : undefined;
  const periodEnd = item?.current_period_end;
  const now = deps.now();
  await withTenant(deps.db, tenantId, async (tx) => {
    const previous = await findBillingState(tx, tenantId);
    // A tenant holds one subscription: an older one's events must not undo the current one.
    if (previous?.subscription && previous.subscription.stripeSubscriptionId !== subscription.id) {
      const current = previous.subscription;
      if (KEEPS_PLAN.has(current.status) && !KEEPS_PLAN.has(subscription.status)) return;
    }
    const update = planFromSubscription({ status: subscription.status, planCode: plan?.code }, previous, now);
    await saveSubscription(
      tx,
      tenantId,
      {
        stripeSubscriptionId: subscription.id,
        planCode: plan?.code ?? 'free',
        status: subscription.status,
        currentPeriodEnd: periodEnd ? new Date(periodEnd * 1000) : null,
        cancelAtPeriodEnd: subscription.cancel_at_period_end,
      },
      update,
    );
    deps.logger.info('subscription synced', {
      tenantId,
      subscriptionId,
      status: subscription.status,
      planCode: update.planCode,
      planStatus: update.planStatus,
    });
  });
}
