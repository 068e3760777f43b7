import { payInvoice } from './billing';
import { advanceClock } from './clock-advance';
import { type FakeContext, runOperation } from './context';
import { AUTOMATIC } from './events';
import { checkoutAction } from './hosted-pages';
import { renderCheckoutSession, renderCustomer, renderInvoice, renderSubscription } from './render';
import type { StripeFake } from './types';

/** An id the fake does not know: 404 on the control surface. */
export class UnknownIdError extends Error {}

export type Controls = Omit<StripeFake, 'url' | 'host' | 'port' | 'apiKey' | 'apiVersion' | 'clientConfig' | 'close'>;

/** The test-only operations, shared by the handle and the /__fake HTTP surface. */
export function createControls(ctx: FakeContext): Controls {
  const { store } = ctx;
  return {
    addWebhookEndpoint: (endpoint) => ctx.webhooks.addEndpoint(endpoint),
    webhookEndpoints: () => ctx.webhooks.list(),
    deliveries: () => ctx.webhooks.deliveries(),
    webhooksSettled: (options = {}) => ctx.webhooks.settled(options.timeoutMs),
    resendEvent(eventId) {
      const event = ctx.events.get(eventId);
      if (!event) throw new UnknownIdError(`No such event: ${eventId}`);
      ctx.webhooks.resend(event);
    },
    sendEventsOutOfOrder: (enabled) => ctx.webhooks.setReverse(enabled),

    now: () => ctx.clock.nowMs(),
    advanceClock(seconds) {
      runOperation(ctx, AUTOMATIC, (op) => advanceClock(ctx, op, seconds));
    },
    failNextRenewal(subscriptionId) {
      const subscription = store.subscriptions.get(subscriptionId);
      if (!subscription) throw new UnknownIdError(`No such subscription: ${subscriptionId}`);
      if (subscription.status !== 'active' && subscription.status !== 'past_due') {
        throw new TypeError(`subscription ${subscriptionId} is ${subscription.status}; only a live one renews`);
      }
      subscription.failNextRenewal = true;
    },
    payInvoice(invoiceId) {
      const invoice = store.invoices.get(invoiceId);
      if (!invoice) throw new UnknownIdError(`No such invoice: ${invoiceId}`);
      runOperation(ctx, AUTOMATIC, (op) => payInvoice(ctx, op, invoice));
      return renderInvoice(ctx.render, invoice);
    },
    completeCheckout(sessionId, action = 'pay') {
      const session = store.sessions.get(sessionId);
      if (!session) throw new UnknownIdError(`No such checkout session: ${sessionId}`);
      const next = checkoutAction(ctx, session, action);
      return action === 'decline' ? null : next;
    },

    events: () => ctx.events.list(),
    requests: () => structuredClone(ctx.requests),
    customers: () => [...store.customers.values()].map(renderCustomer),
    subscriptions: () => [...store.subscriptions.values()].map((record) => renderSubscription(ctx.render, record)),
    invoices: () => [...store.invoices.values()].map((record) => renderInvoice(ctx.render, record)),
    checkoutSessions: () => [...store.sessions.values()].map((record) => renderCheckoutSession(ctx.render, record)),
  };
}
