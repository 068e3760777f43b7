import { withTenant } from '@k2c/db';
import Stripe from 'stripe';
import type { AppDeps } from '../app-deps';
import { AppError } from '../errors';
import { describeError, type Logger } from '../logger';
import { findBillingState } from '../queries/billing';
import { usageOf } from '../queries/usage';
import type { SessionUser } from '../services/sessions';
import { openPortal, startCheckout } from './checkout';
import { effectivePlan } from './effective-plan';
import { type PlanCode, planFor } from './plans';
import { type BillingDeps, KEEPS_PLAN } from './sync-subscription';
import { usageMonth } from './usage-month';

/** The dashboard page Stripe sends people back to; `?checkout=success|cancelled` after Checkout. */
export const BILLING_PAGE = '/dashboard/billing';

export function billingDeps(deps: AppDeps): BillingDeps {
  if (!deps.stripe)
    throw new AppError('billing_not_configured', 'Billing is not set up on this relay (STRIPE_SECRET_KEY)');
  return { db: deps.db, env: deps.env, stripe: deps.stripe, logger: deps.logger, now: deps.now };
}

/** The tenant's plan, status, usage and renewal, as GET /api/billing and the billing page show them. */
export async function billingOverview(deps: Pick<AppDeps, 'db' | 'env' | 'now' | 'stripe'>, tenantId: string) {
  const now = deps.now();
  return withTenant(deps.db, tenantId, async (tx) => {
    const state = await findBillingState(tx, tenantId);
    const held = state ?? { planCode: 'free', planStatus: 'active', planGraceUntil: null, subscription: undefined };
    const { plan, suspended } = effectivePlan(deps.env, held, now);
    const subscription = state?.subscription;
    // Only a live subscription renews or ends; a cancelled one's last period is history.
    const periodEnd = subscription && KEEPS_PLAN.has(subscription.status) ? subscription.currentPeriodEnd : null;
    return {
      plan: {
        code: planFor(deps.env, held.planCode).code,
        status: suspended ? 'suspended' : held.planStatus,
        monthlyQuota: plan.monthlyQuota,
        usedThisMonth: await usageOf(tx, tenantId, usageMonth(now)),
        graceUntil: held.planStatus === 'past_due' ? (held.planGraceUntil?.toISOString() ?? null) : null,
      },
      subscription: subscription
        ? {
            status: subscription.status,
            renewsAt: subscription.cancelAtPeriodEnd ? null : (periodEnd?.toISOString() ?? null),
            endsAt: subscription.cancelAtPeriodEnd ? (periodEnd?.toISOString() ?? null) : null,
          }
        : null,
      canManage: Boolean(state?.stripeCustomerId),
      billingConfigured: Boolean(deps.stripe),
    };
  });
}

export type BillingOverview = Awaited<ReturnType<typeof billingOverview>>;

// Stripe down, failing on its side or too busy: worth trying again later, and nothing was bought.
const STRIPE_UNAVAILABLE = new Set(['StripeConnectionError', 'StripeAPIError', 'StripeRateLimitError']);

async function askStripe<T>(logger: Logger, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError) || !STRIPE_UNAVAILABLE.has(error.type)) throw error;
    logger.warn('stripe unavailable', { ...describeError(error), stripeError: error.type });
    throw new AppError('billing_unavailable', 'Stripe could not be reached: nothing was changed, try again later');
  }
}

/** Where Stripe sends the browser back to: the relay's public URL, or the origin the request came to. */
function billingPageUrl(deps: Pick<AppDeps, 'env'>, requestUrl: string): string {
  const origin = deps.env.PUBLIC_URL ? new URL(deps.env.PUBLIC_URL).origin : new URL(requestUrl).origin;
  return `${origin}${BILLING_PAGE}`;
}

/** Stripe Checkout for a paid plan, coming back to the billing page (which grants nothing itself). */
export async function checkoutFor(deps: AppDeps, session: SessionUser, plan: PlanCode, requestUrl: string) {
  const billing = billingDeps(deps);
  const page = billingPageUrl(deps, requestUrl);
  return askStripe(deps.logger, () =>
    startCheckout(billing, session, plan, {
      success: `${page}?checkout=success`,
      cancel: `${page}?checkout=cancelled`,
    }),
  );
}

/** Stripe's Customer Portal (card, invoices, cancellation), returning to the billing page. */
export async function portalFor(deps: AppDeps, session: SessionUser, requestUrl: string) {
  const billing = billingDeps(deps);
  return askStripe(deps.logger, () => openPortal(billing, session, billingPageUrl(deps, requestUrl)));
}
