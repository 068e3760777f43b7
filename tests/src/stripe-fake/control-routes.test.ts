import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStripeFake } from './server';
import { stripeFor, subscribe, TestClock, WebhookReceiver } from './test-support';
import type { StripeFake } from './types';

let fake: StripeFake;
let stripe: Stripe;
let receiver: WebhookReceiver;
let clock: TestClock;

beforeEach(async () => {
  clock = new TestClock();
  receiver = await new WebhookReceiver().start();
  fake = await startStripeFake({ now: clock.now, retryDelaysMs: [] });
  stripe = stripeFor(fake);
});
afterEach(async () => {
  await fake.close();
  await receiver.close();
});

async function control(path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${fake.url}/__fake${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
  return { status: response.status, json: await response.json() };
}

describe('/__fake control surface', () => {
  it('drives the same operations as the handle, for tests in another process', async () => {
    const endpoint = await control('/webhook-endpoints', { url: receiver.url, secret: 'whsec_ctl' });
    expect(endpoint).toMatchObject({ status: 200, json: { url: receiver.url, secret: 'whsec_ctl' } });
    const { subscription, session } = await subscribe(stripe);

    const sessions = await control('/checkout-sessions');
    expect(sessions.json).toMatchObject([{ id: session.id, status: 'complete' }]);
    expect((await control('/subscriptions')).json).toMatchObject([{ id: subscription.id, status: 'active' }]);
    expect((await control('/customers')).json).toHaveLength(1);
    expect((await control('/requests')).json).toContainEqual(
      expect.objectContaining({ method: 'POST', path: '/v1/checkout/sessions' }),
    );

    expect((await control('/fail-next-renewal', { subscriptionId: subscription.id })).status).toBe(200);
    expect((await control('/out-of-order', { enabled: true })).status).toBe(200);
    const advanced = await control('/advance-clock', { seconds: 31 * 24 * 60 * 60 });
    expect(advanced.json).toEqual({ now: fake.now(), nowSec: Math.floor(fake.now() / 1000) });
    expect(fake.now()).toBe(clock.time + 31 * 24 * 60 * 60 * 1000);
    expect((await control('/webhooks-settled', {})).status).toBe(200);
    expect(receiver.types().slice(-2)).toEqual(['invoice.payment_failed', 'customer.subscription.updated']);

    const invoices = (await control('/invoices')).json as Stripe.Invoice[];
    const open = invoices.find((invoice) => invoice.status === 'open');
    const paid = await control('/pay-invoice', { invoiceId: open?.id });
    expect(paid.json).toMatchObject({ id: open?.id, status: 'paid' });

    const events = (await control('/events')).json as Stripe.Event[];
    expect(events.length).toBeGreaterThan(3);
    expect((await control('/resend-event', { eventId: events[0]?.id })).status).toBe(200);
    expect((await control('/webhooks-settled', { timeoutMs: 2000 })).status).toBe(200);
    expect((await control('/deliveries')).json).toContainEqual(expect.objectContaining({ eventId: events[0]?.id }));

    const next = await stripe.checkout.sessions.create({
      mode: 'subscription',
      line_items: [{ price: 'price_standard_monthly', quantity: 1 }],
      cancel_url: 'https://relay.example/cancel',
    });
    expect((await control('/complete-checkout', { sessionId: next.id, action: 'cancel' })).json).toEqual({
      redirectUrl: 'https://relay.example/cancel',
    });
  });

  it('answers 400 for bad input, 404 for unknown ids and paths, 405 for other methods', async () => {
    expect(await control('/advance-clock', { seconds: -1 })).toMatchObject({ status: 400 });
    expect(await control('/advance-clock', { seconds: 'x' })).toMatchObject({ status: 400 });
    expect(await control('/fail-next-renewal', { subscriptionId: 'sub_nope' })).toMatchObject({ status: 404 });
    expect(await control('/resend-event', { eventId: 'evt_nope' })).toMatchObject({ status: 404 });
    expect(await control('/webhook-endpoints', { url: 'ftp://x' })).toMatchObject({ status: 400 });
    expect(await control('/nothing')).toMatchObject({ status: 404 });
    const wrongMethod = await fetch(`${fake.url}/__fake/events`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
  });

  it('serves a dashboard page for the sandbox', async () => {
    await subscribe(stripe);
    const response = await fetch(`${fake.url}/__fake/`);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('customer.subscription.created');
    expect(html).toContain('active');
  });
});
