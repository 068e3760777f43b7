import type Stripe from 'stripe';
import { recordEvent, wasEventSeen } from '../queries/billing';
import { type BillingDeps, syncSubscription } from './sync-subscription';

function idOf(value: string | { id: string } | null | undefined): string | undefined {
  return typeof value === 'string' ? value : (value?.id ?? undefined);
}

/** The subscription an event is about, and the tenant when the event names it. */
function subjectOf(event: Stripe.Event): { subscriptionId?: string | undefined; tenantId?: string | undefined } {
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object;
      return {
        subscriptionId: idOf(session.subscription),
        tenantId: session.client_reference_id ?? session.metadata?.tenant_id,
      };
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      return { subscriptionId: event.data.object.id };
    case 'invoice.paid':
    case 'invoice.payment_failed':
      return { subscriptionId: idOf(event.data.object.parent?.subscription_details?.subscription) };
    default:
      return {};
  }
}

/**
 * Processes a verified Stripe event once: a repeat is acknowledged without work. Each handled
 * event only triggers a fresh fetch of the subscription from Stripe, so the result is the same
 * whatever order events arrive in. The event is recorded as seen only after it was processed, so
 * a failure makes Stripe send it again.
 */
export async function handleStripeEvent(
  deps: BillingDeps,
  event: Stripe.Event,
): Promise<'processed' | 'duplicate' | 'ignored'> {
  if (await wasEventSeen(deps.db, event.id)) return 'duplicate';
  const { subscriptionId, tenantId } = subjectOf(event);
  if (subscriptionId) await syncSubscription(deps, subscriptionId, tenantId);
  await recordEvent(deps.db, event);
  return subscriptionId ? 'processed' : 'ignored';
}
