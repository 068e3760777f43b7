import type Stripe from 'stripe';
import { emit, type FakeContext, previousAttributes } from './context';
import { invalidRequest, noSuch } from './errors';
import type { Operation } from './events';
import { newId } from './ids';
import { currentPeriod, renderCheckoutSession, renderInvoice, renderSubscription } from './render';
import type {
  BillingReason,
  CancellationReason,
  CheckoutSessionRecord,
  CustomerRecord,
  InvoiceRecord,
  SubscriptionRecord,
} from './store';

/**
 * Billing behaviour shared by the API, the hosted pages and the control surface: what happens to
 * customers, subscriptions and invoices, and which events that sends.
 */

const DAY = 24 * 60 * 60;
/** Stripe gives a subscription whose first payment failed 23 hours before it expires. */
export const INCOMPLETE_EXPIRES_AFTER = 23 * 60 * 60;
/** Checkout Sessions expire after 24 hours by default. */
export const CHECKOUT_EXPIRES_AFTER = 24 * 60 * 60;

export function subscriptionJson(ctx: FakeContext, record: SubscriptionRecord): Stripe.Subscription {
  return renderSubscription(ctx.render, record);
}

function invoicePrefix(): string {
  return newId('cus').slice(4, 12).toUpperCase();
}

export function createCustomer(
  ctx: FakeContext,
  fields: Partial<Pick<CustomerRecord, 'email' | 'name' | 'description' | 'phone' | 'metadata' | 'preferredLocales'>>,
): CustomerRecord {
  const record: CustomerRecord = {
    id: newId('cus'),
    created: ctx.clock.nowSec(),
    email: fields.email ?? null,
    name: fields.name ?? null,
    description: fields.description ?? null,
    phone: fields.phone ?? null,
    preferredLocales: fields.preferredLocales ?? [],
    metadata: fields.metadata ?? {},
    invoicePrefix: invoicePrefix(),
    nextInvoiceSequence: 1,
    deleted: false,
  };
  ctx.store.customers.set(record.id, record);
  return record;
}

function createInvoice(
  ctx: FakeContext,
  subscription: SubscriptionRecord,
  billingReason: BillingReason,
): InvoiceRecord {
  const customer = ctx.store.customers.get(subscription.customerId);
  const price = ctx.store.prices.get(subscription.priceId);
  if (!customer || !price) throw new Error('Stripe fake: invoice for a subscription without customer or price');
  const period = currentPeriod(subscription);
  const now = ctx.clock.nowSec();
  const sequence = customer.nextInvoiceSequence++;
  const record: InvoiceRecord = {
    id: newId('in'),
    lineId: newId('il'),
    number: `${customer.invoicePrefix}-${String(sequence).padStart(4, '0')}`,
    customerId: customer.id,
    subscriptionId: subscription.id,
    subscriptionMetadata: { ...subscription.metadata },
    priceId: price.id,
    quantity: subscription.quantity,
    amount: price.unitAmount * subscription.quantity,
    currency: price.currency,
    created: now,
    status: 'open',
    billingReason,
    linePeriodStart: period.start,
    linePeriodEnd: period.end,
    attemptCount: 0,
    nextPaymentAttempt: null,
    finalizedAt: now,
    paidAt: null,
    voidedAt: null,
    dunningEndsAt: null,
  };
  ctx.store.invoices.set(record.id, record);
  subscription.latestInvoiceId = record.id;
  return record;
}

function markPaid(ctx: FakeContext, invoice: InvoiceRecord): void {
  invoice.status = 'paid';
  invoice.attemptCount++;
  invoice.paidAt = ctx.clock.nowSec();
  invoice.nextPaymentAttempt = null;
  invoice.dunningEndsAt = null;
}

/** A subscription's status follows its latest invoice (Stripe: past_due = the latest payment failed). */
function activateIfLatestPaid(ctx: FakeContext, subscription: SubscriptionRecord): void {
  const latest = subscription.latestInvoiceId ? ctx.store.invoices.get(subscription.latestInvoiceId) : undefined;
  if (latest?.status === 'paid' && ['incomplete', 'past_due', 'unpaid'].includes(subscription.status)) {
    subscription.status = 'active';
  }
}

function emitSubscriptionUpdated(
  ctx: FakeContext,
  op: Operation,
  record: SubscriptionRecord,
  before: Stripe.Subscription,
) {
  const after = subscriptionJson(ctx, record);
  const previous = previousAttributes(before, after);
  if (Object.keys(previous).length > 0) emit(ctx, op, 'customer.subscription.updated', after, previous);
}

function newSubscription(ctx: FakeContext, session: CheckoutSessionRecord, customerId: string): SubscriptionRecord {
  const now = ctx.clock.nowSec();
  const record: SubscriptionRecord = {
    id: newId('sub'),
    customerId,
    priceId: session.priceId,
    itemId: newId('si'),
    quantity: session.quantity,
    created: now,
    billingCycleAnchor: now,
    periodIndex: 0,
    status: 'incomplete',
    cancelAtPeriodEnd: false,
    canceledAt: null,
    endedAt: null,
    cancellationReason: null,
    metadata: { ...session.subscriptionMetadata },
    latestInvoiceId: null,
    failNextRenewal: false,
  };
  ctx.store.subscriptions.set(record.id, record);
  return record;
}

/** The customer a checkout pays with: the session's, or a new one from the e-mail given. */
function checkoutCustomer(ctx: FakeContext, session: CheckoutSessionRecord, email: string | undefined): CustomerRecord {
  if (session.customerId) {
    const customer = ctx.store.liveCustomer(session.customerId);
    if (!customer) throw invalidRequest(`The customer ${session.customerId} of this Checkout Session was deleted.`);
    return customer;
  }
  const customer = createCustomer(ctx, { email: session.customerEmail ?? email ?? null });
  session.customerId = customer.id;
  return customer;
}

export type CheckoutPayment = 'pay' | 'decline';

/**
 * The "Pay" and "Decline" buttons of the hosted checkout page. Pay: customer (reused or new),
 * active subscription, paid invoice; events customer.subscription.created, invoice.paid,
 * checkout.session.completed. Decline: the subscription is created `incomplete` with an open
 * invoice (customer.subscription.created, invoice.payment_failed) and the session stays open,
 * so a second try can still pay it — the state Stripe's default_incomplete flow leaves behind.
 */
export function payCheckout(
  ctx: FakeContext,
  op: Operation,
  session: CheckoutSessionRecord,
  payment: CheckoutPayment,
  email?: string,
): void {
  if (session.status !== 'open') throw invalidRequest(`This Checkout Session is ${session.status}.`);
  const customer = checkoutCustomer(ctx, session, email);
  let subscription = session.subscriptionId ? ctx.store.subscriptions.get(session.subscriptionId) : undefined;
  // After a decline the incomplete subscription is paid; once it expired (23 h) a new one starts.
  if (subscription && subscription.status !== 'incomplete') subscription = undefined;
  const isNew = subscription === undefined;
  if (!subscription) {
    subscription = newSubscription(ctx, session, customer.id);
    session.subscriptionId = subscription.id;
    session.invoiceId = createInvoice(ctx, subscription, 'subscription_create').id;
  }
  const invoice = ctx.store.invoices.get(session.invoiceId ?? '');
  if (!invoice) throw new Error('Stripe fake: checkout subscription without invoice');
  const before = subscriptionJson(ctx, subscription);

  if (payment === 'decline') {
    invoice.attemptCount++;
    session.declined = true;
    if (isNew) emit(ctx, op, 'customer.subscription.created', subscriptionJson(ctx, subscription));
    emit(ctx, op, 'invoice.payment_failed', renderInvoice(ctx.render, invoice));
    return;
  }

  markPaid(ctx, invoice);
  subscription.status = 'active';
  session.status = 'complete';
  session.declined = false;
  if (isNew) emit(ctx, op, 'customer.subscription.created', subscriptionJson(ctx, subscription));
  else emitSubscriptionUpdated(ctx, op, subscription, before);
  emit(ctx, op, 'invoice.paid', renderInvoice(ctx.render, invoice));
  emit(ctx, op, 'checkout.session.completed', renderCheckoutSession(ctx.render, session));
}

function assertUpdatable(subscription: SubscriptionRecord): void {
  if (subscription.status === 'canceled' || subscription.status === 'incomplete_expired') {
    throw invalidRequest('A canceled subscription can only update its cancellation_details and metadata.');
  }
  if (subscription.status === 'incomplete') {
    throw invalidRequest(
      'A subscription in the incomplete status can only update its metadata and default payment method until its first invoice is paid.',
    );
  }
}

/** cancel_at_period_end=true|false (API and portal); no event when nothing changes. */
export function setCancelAtPeriodEnd(
  ctx: FakeContext,
  op: Operation,
  subscription: SubscriptionRecord,
  cancel: boolean,
  metadata?: Record<string, string>,
): void {
  assertUpdatable(subscription);
  const before = subscriptionJson(ctx, subscription);
  if (metadata) subscription.metadata = metadata;
  if (subscription.cancelAtPeriodEnd !== cancel) {
    subscription.cancelAtPeriodEnd = cancel;
    // Stripe records when the cancellation was asked for, and clears it on resume.
    subscription.canceledAt = cancel ? ctx.clock.nowSec() : null;
    subscription.cancellationReason = cancel ? 'cancellation_requested' : null;
  }
  emitSubscriptionUpdated(ctx, op, subscription, before);
}

export function updateMetadata(
  ctx: FakeContext,
  op: Operation,
  subscription: SubscriptionRecord,
  metadata: Record<string, string>,
): void {
  const before = subscriptionJson(ctx, subscription);
  subscription.metadata = metadata;
  emitSubscriptionUpdated(ctx, op, subscription, before);
}

/** Ends a subscription now (DELETE /v1/subscriptions/:id, customer deletion, dunning). */
export function endSubscription(
  ctx: FakeContext,
  op: Operation,
  subscription: SubscriptionRecord,
  reason: CancellationReason,
): void {
  if (subscription.status === 'canceled' || subscription.status === 'incomplete_expired') {
    // Stripe treats a canceled subscription as gone for cancellation purposes.
    throw noSuch('subscription', subscription.id);
  }
  const now = ctx.clock.nowSec();
  subscription.status = 'canceled';
  subscription.canceledAt = now;
  subscription.endedAt = now;
  subscription.cancellationReason = reason;
  for (const invoice of ctx.store.invoices.values()) {
    if (invoice.subscriptionId === subscription.id && invoice.status === 'open') {
      invoice.nextPaymentAttempt = null;
      invoice.dunningEndsAt = null;
    }
  }
  emit(ctx, op, 'customer.subscription.deleted', subscriptionJson(ctx, subscription));
}

/** Deleting a customer cancels its subscriptions at once, as Stripe does. */
export function deleteCustomer(ctx: FakeContext, op: Operation, customer: CustomerRecord): void {
  for (const subscription of ctx.store.subscriptionsOf(customer.id)) {
    if (['active', 'past_due', 'unpaid', 'incomplete'].includes(subscription.status)) {
      endSubscription(ctx, op, subscription, 'cancellation_requested');
    }
  }
  customer.deleted = true;
}

/** POST /v1/invoices/:id/pay and the control surface's payInvoice. */
export function payInvoice(ctx: FakeContext, op: Operation, invoice: InvoiceRecord): void {
  if (invoice.status === 'paid') throw invalidRequest('Invoice is already paid');
  if (invoice.status !== 'open')
    throw invalidRequest(`You can only pay an open invoice; this one is ${invoice.status}.`);
  const subscription = ctx.store.subscriptions.get(invoice.subscriptionId);
  const before = subscription ? subscriptionJson(ctx, subscription) : undefined;
  markPaid(ctx, invoice);
  emit(ctx, op, 'invoice.paid', renderInvoice(ctx.render, invoice));
  if (subscription && before) {
    activateIfLatestPaid(ctx, subscription);
    emitSubscriptionUpdated(ctx, op, subscription, before);
    // A checkout whose first payment was declined completes when its invoice is paid.
    for (const session of ctx.store.sessions.values()) {
      if (session.invoiceId === invoice.id && session.status === 'open') {
        session.status = 'complete';
        session.declined = false;
        emit(ctx, op, 'checkout.session.completed', renderCheckoutSession(ctx.render, session));
      }
    }
  }
}

/**
 * A subscription reaching the end of its period: it ends (cancel_at_period_end → canceled,
 * customer.subscription.deleted) or renews (next period, new invoice; paid → invoice.paid,
 * failed → past_due and invoice.payment_failed, with dunning `dunningDays` ahead).
 */
export function renew(ctx: FakeContext, op: Operation, subscription: SubscriptionRecord): void {
  const before = subscriptionJson(ctx, subscription);
  if (subscription.cancelAtPeriodEnd) {
    subscription.status = 'canceled';
    subscription.endedAt = currentPeriod(subscription).end;
    emit(ctx, op, 'customer.subscription.deleted', subscriptionJson(ctx, subscription));
    return;
  }
  subscription.periodIndex++;
  const invoice = createInvoice(ctx, subscription, 'subscription_cycle');
  const fails = subscription.failNextRenewal;
  subscription.failNextRenewal = false;
  if (fails) {
    invoice.attemptCount++;
    invoice.dunningEndsAt = ctx.clock.nowSec() + ctx.dunningDays * DAY;
    // One retry, at the end of the dunning window (Stripe's Smart Retries spread several over it).
    invoice.nextPaymentAttempt = invoice.dunningEndsAt;
    subscription.status = 'past_due';
  } else {
    markPaid(ctx, invoice);
    activateIfLatestPaid(ctx, subscription);
  }
  emitSubscriptionUpdated(ctx, op, subscription, before);
  emit(ctx, op, fails ? 'invoice.payment_failed' : 'invoice.paid', renderInvoice(ctx.render, invoice));
}

/**
 * The last retry of a failed renewal fails too (invoice.payment_failed, no further attempt) and,
 * if that invoice is still the subscription's latest, the dunning outcome applies.
 */
export function endDunning(ctx: FakeContext, op: Operation, invoice: InvoiceRecord): void {
  invoice.attemptCount++;
  invoice.nextPaymentAttempt = null;
  invoice.dunningEndsAt = null;
  emit(ctx, op, 'invoice.payment_failed', renderInvoice(ctx.render, invoice));
  const subscription = ctx.store.subscriptions.get(invoice.subscriptionId);
  if (!subscription || subscription.latestInvoiceId !== invoice.id || subscription.status !== 'past_due') return;
  if (ctx.dunningOutcome === 'canceled') {
    endSubscription(ctx, op, subscription, 'payment_failed');
    return;
  }
  const before = subscriptionJson(ctx, subscription);
  subscription.status = 'unpaid';
  emitSubscriptionUpdated(ctx, op, subscription, before);
}

/** 23 hours after a declined first payment: incomplete_expired, invoice void. */
export function expireIncomplete(ctx: FakeContext, op: Operation, subscription: SubscriptionRecord): void {
  const before = subscriptionJson(ctx, subscription);
  const now = ctx.clock.nowSec();
  subscription.status = 'incomplete_expired';
  subscription.endedAt = now;
  const invoice = subscription.latestInvoiceId ? ctx.store.invoices.get(subscription.latestInvoiceId) : undefined;
  if (invoice?.status === 'open') {
    invoice.status = 'void';
    invoice.voidedAt = now;
  }
  emitSubscriptionUpdated(ctx, op, subscription, before);
}
