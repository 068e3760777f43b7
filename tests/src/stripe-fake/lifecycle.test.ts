import type Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { startStripeFake } from './server';
import { pressButton, stripeFor, subscribe, TestClock, WEBHOOK_SECRET, WebhookReceiver } from './test-support';
import type { StripeFake, StripeFakeOptions } from './types';

const DAY = 24 * 60 * 60;

let receiver: WebhookReceiver;
let fake: StripeFake;
let stripe: Stripe;
let clock: TestClock;

async function start(options: StripeFakeOptions = {}): Promise<void> {
  clock = new TestClock();
  receiver = await new WebhookReceiver().start();
  fake = await startStripeFake({ webhookUrl: receiver.url, webhookSecret: WEBHOOK_SECRET, now: clock.now, ...options });
  stripe = stripeFor(fake);
}

afterEach(async () => {
  await fake.close();
  await receiver.close();
});

/** Events delivered since the subscription was created (drops the checkout's three). */
async function laterEvents(): Promise<Stripe.Event[]> {
  await fake.webhooksSettled();
  return receiver.received
    .slice(3)
    .map((webhook) => stripe.webhooks.constructEvent(webhook.raw, webhook.signature, WEBHOOK_SECRET));
}

function periodEnd(subscription: Stripe.Subscription): number {
  return subscription.items.data[0]?.current_period_end ?? 0;
}

describe('customer portal', () => {
  it('cancel at period end → updated; past the period end → canceled and deleted', async () => {
    await start();
    const { customer, subscription } = await subscribe(stripe);
    const portal = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      return_url: 'https://relay.example/billing',
    });
    expect(await (await fetch(portal.url)).text()).toContain(subscription.id);

    expect(await pressButton(portal.url, 'cancel')).toEqual({ status: 303, location: portal.url });
    const canceling = await stripe.subscriptions.retrieve(subscription.id);
    expect(canceling).toMatchObject({
      status: 'active',
      cancel_at_period_end: true,
      cancel_at: periodEnd(subscription),
      canceled_at: clock.time / 1000,
      cancellation_details: { reason: 'cancellation_requested' },
    });
    const [updated] = await laterEvents();
    expect(updated?.type).toBe('customer.subscription.updated');
    expect(updated?.data.previous_attributes).toMatchObject({ cancel_at_period_end: false, cancel_at: null });

    fake.advanceClock(periodEnd(subscription) - clock.time / 1000 + 1);
    const ended = await stripe.subscriptions.retrieve(subscription.id);
    expect(ended).toMatchObject({ status: 'canceled', ended_at: periodEnd(subscription) });
    const [, deleted] = await laterEvents();
    expect(deleted?.type).toBe('customer.subscription.deleted');
    expect(deleted?.data.object).toMatchObject({ id: subscription.id, status: 'canceled' });
    expect(deleted?.created).toBe(periodEnd(subscription));
    // No renewal invoice for a subscription that ended.
    expect(fake.invoices()).toHaveLength(1);
    expect(await pressButton(portal.url, 'return')).toEqual({
      status: 303,
      location: 'https://relay.example/billing',
    });
  });

  it('resume undoes the cancellation, and the subscription renews', async () => {
    await start();
    const { customer, subscription } = await subscribe(stripe);
    const portal = await stripe.billingPortal.sessions.create({ customer: customer.id });
    await pressButton(portal.url, 'cancel');
    await pressButton(portal.url, 'resume');
    expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({
      cancel_at_period_end: false,
      cancel_at: null,
      canceled_at: null,
    });
    fake.advanceClock(31 * DAY);
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('active');
    expect((await laterEvents()).map((event) => event.type)).toEqual([
      'customer.subscription.updated',
      'customer.subscription.updated',
      'customer.subscription.updated',
      'invoice.paid',
    ]);
  });
});

describe('renewals', () => {
  it('each period end makes a paid invoice: invoice.paid and customer.subscription.updated', async () => {
    await start();
    const { subscription } = await subscribe(stripe);
    fake.advanceClock(60 * DAY);
    const renewed = await stripe.subscriptions.retrieve(subscription.id);
    const item = renewed.items.data[0];
    // 31 Jan → 28 Feb → 31 Mar → 30 Apr: anchored on the 31st.
    expect(item?.current_period_start).toBe(Date.UTC(2026, 2, 31, 3) / 1000);
    expect(item?.current_period_end).toBe(Date.UTC(2026, 3, 30, 3) / 1000);
    expect(renewed.status).toBe('active');

    const events = await laterEvents();
    expect(events.map((event) => event.type)).toEqual([
      'customer.subscription.updated',
      'invoice.paid',
      'customer.subscription.updated',
      'invoice.paid',
    ]);
    const [updated, paid] = events;
    expect(updated?.data.previous_attributes).toHaveProperty('items');
    expect(updated?.data.previous_attributes).toHaveProperty('latest_invoice', subscription.latest_invoice);
    const invoice = paid?.data.object as Stripe.Invoice;
    expect(invoice).toMatchObject({
      status: 'paid',
      amount_paid: 3000,
      billing_reason: 'subscription_cycle',
      parent: { subscription_details: { subscription: subscription.id, metadata: { tenant_id: 'tenant-1' } } },
    });
    expect(paid?.created).toBe(Date.UTC(2026, 1, 28, 3) / 1000);
    expect(renewed.latest_invoice).toBe((events[3]?.data.object as Stripe.Invoice | undefined)?.id);
  });

  it('a failed renewal: past_due and invoice.payment_failed; after the dunning days: canceled', async () => {
    await start({ dunningDays: 7 });
    const { subscription } = await subscribe(stripe);
    fake.failNextRenewal(subscription.id);
    fake.advanceClock(periodEnd(subscription) - clock.time / 1000);

    const pastDue = await stripe.subscriptions.retrieve(subscription.id);
    expect(pastDue.status).toBe('past_due');
    const invoice = await stripe.invoices.retrieve(String(pastDue.latest_invoice));
    expect(invoice).toMatchObject({
      status: 'open',
      amount_paid: 0,
      attempt_count: 1,
      next_payment_attempt: periodEnd(subscription) + 7 * DAY,
    });
    expect((await laterEvents()).map((event) => event.type)).toEqual([
      'customer.subscription.updated',
      'invoice.payment_failed',
    ]);

    fake.advanceClock(7 * DAY);
    expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({
      status: 'canceled',
      cancellation_details: { reason: 'payment_failed' },
      ended_at: periodEnd(subscription) + 7 * DAY,
    });
    const events = await laterEvents();
    expect(events.slice(2).map((event) => event.type)).toEqual([
      'invoice.payment_failed',
      'customer.subscription.deleted',
    ]);
    expect(events[2]?.data.object).toMatchObject({ attempt_count: 2, next_payment_attempt: null });
  });

  it('with dunningOutcome unpaid the subscription becomes unpaid and stops renewing', async () => {
    await start({ dunningDays: 3, dunningOutcome: 'unpaid' });
    const { subscription } = await subscribe(stripe);
    fake.failNextRenewal(subscription.id);
    fake.advanceClock(90 * DAY);
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('unpaid');
    expect(fake.invoices()).toHaveLength(2);
    const types = (await laterEvents()).map((event) => event.type);
    expect(types).toEqual([
      'customer.subscription.updated',
      'invoice.payment_failed',
      'invoice.payment_failed',
      'customer.subscription.updated',
    ]);
  });

  it('paying the open invoice during dunning makes the subscription active again', async () => {
    await start();
    const { subscription } = await subscribe(stripe);
    fake.failNextRenewal(subscription.id);
    fake.advanceClock(31 * DAY);
    const invoiceId = String((await stripe.subscriptions.retrieve(subscription.id)).latest_invoice);
    const paid = await stripe.invoices.pay(invoiceId);
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 3000, attempt_count: 2 });
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('active');
    fake.advanceClock(30 * DAY);
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('active');
    expect(() => fake.payInvoice(invoiceId)).toThrow(/already paid/);
  });
});

describe('cancellation through the API', () => {
  it('cancel_at_period_end via update, immediate cancel via DELETE', async () => {
    await start();
    const { subscription } = await subscribe(stripe);
    const updated = await stripe.subscriptions.update(subscription.id, {
      cancel_at_period_end: true,
      metadata: { reason: 'test' },
    });
    expect(updated).toMatchObject({ cancel_at_period_end: true, metadata: { tenant_id: 'tenant-1', reason: 'test' } });

    const canceled = await stripe.subscriptions.cancel(subscription.id);
    expect(canceled).toMatchObject({ status: 'canceled', ended_at: clock.time / 1000 });
    expect((await laterEvents()).map((event) => event.type)).toEqual([
      'customer.subscription.updated',
      'customer.subscription.deleted',
    ]);
    // Stripe: a canceled subscription cannot be changed, and cancelling again finds nothing.
    await expect(stripe.subscriptions.update(subscription.id, { cancel_at_period_end: false })).rejects.toMatchObject({
      statusCode: 400,
      message: expect.stringContaining(
        'A canceled subscription can only update its cancellation_details and metadata.',
      ),
    });
    await expect(stripe.subscriptions.cancel(subscription.id)).rejects.toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
    });
  });

  it('deleting the customer cancels its subscriptions', async () => {
    await start();
    const { customer, subscription } = await subscribe(stripe);
    await stripe.customers.del(customer.id);
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe('canceled');
    expect((await laterEvents()).map((event) => event.type)).toEqual(['customer.subscription.deleted']);
    const list = await stripe.subscriptions.list({ customer: customer.id, status: 'all' });
    expect(list.data.map((each) => each.id)).toEqual([subscription.id]);
    expect((await stripe.subscriptions.list({ customer: customer.id })).data).toEqual([]);
  });
});
