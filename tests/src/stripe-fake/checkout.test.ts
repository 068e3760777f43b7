import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStripeFake } from './server';
import {
  pressButton,
  stripeFor,
  subscribe,
  subscriptionCheckout,
  TestClock,
  WEBHOOK_SECRET,
  WebhookReceiver,
} from './test-support';
import { STRIPE_API_VERSION, type StripeFake } from './types';

let receiver: WebhookReceiver;
let fake: StripeFake;
let stripe: Stripe;
let clock: TestClock;

beforeEach(async () => {
  clock = new TestClock();
  receiver = await new WebhookReceiver().start();
  fake = await startStripeFake({ webhookUrl: receiver.url, webhookSecret: WEBHOOK_SECRET, now: clock.now });
  stripe = stripeFor(fake);
});
afterEach(async () => {
  await fake.close();
  await receiver.close();
});

/** Every received webhook, verified with the real stripe client as the relay will. */
function verifiedEvents(): Stripe.Event[] {
  return receiver.received.map((webhook) =>
    stripe.webhooks.constructEvent(webhook.raw, webhook.signature, WEBHOOK_SECRET),
  );
}

const SESSION = subscriptionCheckout();

describe('hosted checkout page', () => {
  it('pays: active subscription, paid invoice, redirect to success_url, verifiable webhooks', async () => {
    const customer = await stripe.customers.create({ email: 'owner@example.com' });
    const session = await stripe.checkout.sessions.create({ ...SESSION, customer: customer.id });

    const page = await (await fetch(session.url ?? '')).text();
    expect(page).toContain('¥3,000');
    const { status, location } = await pressButton(session.url ?? '', 'pay');
    expect(status).toBe(303);
    expect(location).toBe(`https://relay.example/done?session_id=${session.id}`);

    const completed = await stripe.checkout.sessions.retrieve(session.id);
    expect(completed).toMatchObject({ status: 'complete', payment_status: 'paid', customer: customer.id, url: null });
    const subscription = await stripe.subscriptions.retrieve(String(completed.subscription));
    const item = subscription.items.data[0];
    expect(subscription).toMatchObject({
      object: 'subscription',
      status: 'active',
      customer: customer.id,
      cancel_at_period_end: false,
      metadata: { tenant_id: 'tenant-1' },
      currency: 'jpy',
      livemode: false,
    });
    expect(subscription.id).toMatch(/^sub_/);
    expect(item?.id).toMatch(/^si_/);
    expect(item?.price.id).toBe('price_standard_monthly');
    // The test clock starts on 31 January: the first period ends on 28 February.
    expect(item?.current_period_start).toBe(clock.time / 1000);
    expect(item?.current_period_end).toBe(Date.UTC(2026, 1, 28, 3) / 1000);

    const invoice = await stripe.invoices.retrieve(String(subscription.latest_invoice));
    expect(invoice).toMatchObject({
      status: 'paid',
      amount_paid: 3000,
      customer: customer.id,
      billing_reason: 'subscription_create',
      parent: { type: 'subscription_details', subscription_details: { subscription: subscription.id } },
    });
    expect(invoice).not.toHaveProperty('subscription');
    expect(invoice.lines.data[0]?.period).toEqual({ start: item?.current_period_start, end: item?.current_period_end });
    const invoicePage = await fetch(invoice.hosted_invoice_url ?? '');
    expect(await invoicePage.text()).toContain('¥3,000');

    await fake.webhooksSettled();
    const events = verifiedEvents();
    expect(events.map((event) => event.type)).toEqual([
      'customer.subscription.created',
      'invoice.paid',
      'checkout.session.completed',
    ]);
    for (const event of events) {
      expect(event).toMatchObject({ object: 'event', api_version: STRIPE_API_VERSION, livemode: false });
      expect(event.id).toMatch(/^evt_/);
      expect(event.created).toBe(clock.time / 1000);
    }
    const done = events[2];
    if (done?.type !== 'checkout.session.completed') throw new Error('expected checkout.session.completed');
    expect(done.data.object).toMatchObject({
      id: session.id,
      client_reference_id: 'tenant-1',
      subscription: subscription.id,
      customer: customer.id,
    });
    expect(receiver.received[0]?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(fake.deliveries().map((delivery) => delivery.status)).toEqual([200, 200, 200]);
  });

  it('creates the customer from customer_email, or from the e-mail typed on the page', async () => {
    const withEmail = await stripe.checkout.sessions.create({ ...SESSION, customer_email: 'given@example.com' });
    await pressButton(withEmail.url ?? '', 'pay');
    const first = await stripe.checkout.sessions.retrieve(withEmail.id, { expand: ['customer'] });
    expect(first.customer).toMatchObject({ object: 'customer', email: 'given@example.com' });
    expect(first.customer_details?.email).toBe('given@example.com');

    const bare = await stripe.checkout.sessions.create(SESSION);
    await pressButton(bare.url ?? '', 'pay', { email: 'typed@example.com' });
    const second = await stripe.checkout.sessions.retrieve(bare.id, { expand: ['customer'] });
    expect(second.customer).toMatchObject({ email: 'typed@example.com' });
  });

  it('cancel sends the browser to cancel_url and leaves the session open', async () => {
    const session = await stripe.checkout.sessions.create(SESSION);
    expect(await pressButton(session.url ?? '', 'cancel')).toEqual({ status: 303, location: SESSION.cancel_url });
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
    expect(fake.events()).toEqual([]);
  });

  it('decline leaves an incomplete subscription and an open invoice; paying afterwards activates it', async () => {
    const session = await stripe.checkout.sessions.create({ ...SESSION, customer_email: 'd@example.com' });
    const declined = await pressButton(session.url ?? '', 'decline');
    expect(declined.location).toBe(session.url);
    expect(await (await fetch(session.url ?? '')).text()).toContain('Your card was declined');

    await fake.webhooksSettled();
    expect(receiver.types()).toEqual(['customer.subscription.created', 'invoice.payment_failed']);
    const [created, failed] = verifiedEvents();
    const subscriptionId = (created?.data.object as Stripe.Subscription | undefined)?.id ?? '';
    expect(created?.data.object).toMatchObject({ status: 'incomplete' });
    expect(failed?.data.object).toMatchObject({ status: 'open', attempt_count: 1, amount_paid: 0 });
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');

    await pressButton(session.url ?? '', 'pay');
    await fake.webhooksSettled();
    expect(receiver.types().slice(2)).toEqual([
      'customer.subscription.updated',
      'invoice.paid',
      'checkout.session.completed',
    ]);
    const updated = verifiedEvents()[2];
    expect(updated?.data.previous_attributes).toMatchObject({ status: 'incomplete' });
    expect((await stripe.subscriptions.retrieve(subscriptionId)).status).toBe('active');
  });

  it('an unpaid decline expires after 23 hours (incomplete_expired, invoice void), the session after 24', async () => {
    const session = await stripe.checkout.sessions.create({ ...SESSION, customer_email: 'd@example.com' });
    fake.completeCheckout(session.id, 'decline');
    fake.advanceClock(23 * 60 * 60);
    const [subscription] = fake.subscriptions();
    expect(subscription?.status).toBe('incomplete_expired');
    expect(fake.invoices()[0]?.status).toBe('void');
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');
    fake.advanceClock(60 * 60);
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('expired');
    expect((await fetch(session.url ?? '')).status).toBe(410);
    await fake.webhooksSettled();
    expect(receiver.types()).toEqual([
      'customer.subscription.created',
      'invoice.payment_failed',
      'customer.subscription.updated',
    ]);
  });

  it('completeCheckout() does what the page does, for tests that skip the browser', async () => {
    const { subscription } = await subscribe(stripe);
    const session = await stripe.checkout.sessions.create(SESSION);
    expect(fake.completeCheckout(session.id)).toBe(`https://relay.example/done?session_id=${session.id}`);
    expect(fake.subscriptions().map((each) => each.id)).toContain(subscription.id);
    expect(fake.subscriptions()).toHaveLength(2);
  });
});
