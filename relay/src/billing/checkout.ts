import { withTenant } from '@k2c/db';
import { AppError } from '../errors';
import { findBillingState, setStripeCustomer } from '../queries/billing';
import type { SessionUser } from '../services/sessions';
import { type PlanCode, planFor } from './plans';
import { type BillingDeps, KEEPS_PLAN } from './sync-subscription';

/** One Stripe customer per tenant, created on first need and reused for every later checkout. */
async function ensureCustomer(deps: BillingDeps, session: SessionUser): Promise<string> {
  const state = await withTenant(deps.db, session.tenantId, (tx) => findBillingState(tx, session.tenantId));
  if (state?.stripeCustomerId) return state.stripeCustomerId;
  const customer = await deps.stripe.customers.create(
    { email: session.email, name: session.tenantName, metadata: { tenant_id: session.tenantId } },
    // A double click or a retried request must not create a second customer.
    { idempotencyKey: `customer:${session.tenantId}` },
  );
  await withTenant(deps.db, session.tenantId, (tx) => setStripeCustomer(tx, session.tenantId, customer.id));
  return customer.id;
}

/** Starts Stripe Checkout for a paid plan; the plan is granted only when Stripe confirms it by webhook. */
export async function startCheckout(
  deps: BillingDeps,
  session: SessionUser,
  planCode: PlanCode,
  urls: { success: string; cancel: string },
): Promise<{ url: string }> {
  const plan = planFor(deps.env, planCode);
  if (plan.code !== planCode || !plan.stripePriceId) {
    throw new AppError('invalid_request', `The ${planCode} plan cannot be bought`);
  }
  const state = await withTenant(deps.db, session.tenantId, (tx) => findBillingState(tx, session.tenantId));
  if (state?.subscription && KEEPS_PLAN.has(state.subscription.status)) {
    throw new AppError(
      'already_subscribed',
      'There is a subscription already: change or cancel it in the billing portal',
    );
  }
  const customer = await ensureCustomer(deps, session);
  const checkout = await deps.stripe.checkout.sessions.create({
    mode: 'subscription',
    customer,
    line_items: [{ price: plan.stripePriceId, quantity: 1 }],
    client_reference_id: session.tenantId,
    metadata: { tenant_id: session.tenantId, plan: plan.code },
    subscription_data: { metadata: { tenant_id: session.tenantId, plan: plan.code } },
    success_url: urls.success,
    cancel_url: urls.cancel,
  });
  if (!checkout.url) throw new AppError('service_unavailable', 'Stripe did not return a checkout page');
  return { url: checkout.url };
}

/** Stripe's Customer Portal, where the card is managed and the plan cancelled. */
export async function openPortal(deps: BillingDeps, session: SessionUser, returnUrl: string): Promise<{ url: string }> {
  const state = await withTenant(deps.db, session.tenantId, (tx) => findBillingState(tx, session.tenantId));
  if (!state?.stripeCustomerId) {
    throw new AppError('no_billing_account', 'There is nothing to manage yet: upgrade first');
  }
  const portal = await deps.stripe.billingPortal.sessions.create({
    customer: state.stripeCustomerId,
    return_url: returnUrl,
  });
  return { url: portal.url };
}
