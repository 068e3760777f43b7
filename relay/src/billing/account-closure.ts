import type { Db } from '@k2c/db';
import { withTenant } from '@k2c/db';
import type Stripe from 'stripe';
import type { Logger } from '../logger';
import { findBillingState } from '../queries/billing';

function isMissing(error: unknown): boolean {
  return (error as { code?: string })?.code === 'resource_missing';
}

/** A deleted account is never charged again: its subscription ends now, without waiting for the purge. */
export async function cancelSubscriptionOfDeletedAccount(
  deps: { db: Db; stripe: Stripe; logger: Logger },
  tenantId: string,
) {
  const state = await withTenant(deps.db, tenantId, (tx) => findBillingState(tx, tenantId));
  const subscription = state?.subscription;
  if (!subscription || subscription.status === 'canceled') return;
  try {
    await deps.stripe.subscriptions.cancel(subscription.stripeSubscriptionId);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  deps.logger.info('subscription cancelled for a deleted account', { tenantId });
}

/** At the purge, the Stripe customer goes too (Stripe keeps its own records of past invoices). */
export function removeStripeCustomer(deps: { db: Db; stripe: Stripe; logger: Logger }) {
  return async (tenantId: string): Promise<void> => {
    const state = await findBillingState(deps.db, tenantId);
    if (!state?.stripeCustomerId) return;
    try {
      await deps.stripe.customers.del(state.stripeCustomerId);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    deps.logger.info('stripe customer removed', { tenantId });
  };
}
