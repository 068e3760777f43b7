import { Hono } from 'hono';
import type { AppDeps } from '../app-deps';
import { billingDeps } from '../billing/billing-service';
import { handleStripeEvent } from '../billing/handle-stripe-event';
import { AppError } from '../errors';
import { limitBody } from '../http/body-limit';

/**
 * POST /webhooks/stripe. The signature is checked on the raw body, exactly as Stripe sent it;
 * anything unsigned, tampered with or too old is refused with 400 and changes nothing.
 */
export function stripeWebhookRoutes(deps: AppDeps) {
  return new Hono().post('/stripe', limitBody(1024 * 1024), async (c) => {
    const billing = billingDeps(deps);
    const secret = deps.env.STRIPE_WEBHOOK_SECRET;
    if (!secret) throw new AppError('billing_not_configured', 'STRIPE_WEBHOOK_SECRET is not set');
    const signature = c.req.header('stripe-signature');
    if (!signature) throw new AppError('invalid_request', 'The Stripe-Signature header is missing');
    const payload = await c.req.text();
    let event: Awaited<ReturnType<typeof billing.stripe.webhooks.constructEventAsync>>;
    try {
      event = await billing.stripe.webhooks.constructEventAsync(payload, signature, secret);
    } catch {
      throw new AppError('invalid_request', 'The Stripe signature does not match this body');
    }
    const outcome = await handleStripeEvent(billing, event);
    deps.logger.info('stripe event', { eventId: event.id, type: event.type, outcome });
    return c.json({ received: true, outcome });
  });
}
