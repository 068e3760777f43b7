import { createServer } from 'node:net';
import type Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { startStripeFake } from './server';
import { stripeFor, subscribe, TestClock, WEBHOOK_SECRET, WebhookReceiver } from './test-support';
import type { StripeFake, StripeFakeOptions } from './types';

let receiver: WebhookReceiver;
let fake: StripeFake;
let stripe: Stripe;

async function start(options: StripeFakeOptions = {}): Promise<void> {
  receiver = await new WebhookReceiver().start();
  fake = await startStripeFake({
    webhookUrl: receiver.url,
    webhookSecret: WEBHOOK_SECRET,
    retryDelaysMs: [20, 40],
    ...options,
  });
  stripe = stripeFor(fake);
}

afterEach(async () => {
  await fake.close();
  await receiver.close();
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('webhook delivery', () => {
  it('sends pretty-printed JSON signed with the wall clock, even when the fake clock is far ahead', async () => {
    const clock = new TestClock();
    clock.time = Date.UTC(2031, 5, 1);
    await start({ now: clock.now });
    await subscribe(stripe);
    await fake.webhooksSettled();
    const [first] = receiver.received;
    expect(first?.raw.startsWith('{\n  "id": "evt_')).toBe(true);
    expect(first?.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const signedAt = Number(/^t=(\d+)/.exec(first?.signature ?? '')?.[1]);
    expect(Math.abs(signedAt - Date.now() / 1000)).toBeLessThan(60);
    // The default 300 s tolerance uses the real time, so this only passes with a wall-clock signature.
    expect(stripe.webhooks.constructEvent(first?.raw ?? '', first?.signature ?? '', WEBHOOK_SECRET).id).toBe(
      first?.event.id,
    );
    expect(first?.event.created).toBe(Date.UTC(2031, 5, 1) / 1000);
    // A body changed after signing (or re-serialised) does not verify.
    expect(() =>
      stripe.webhooks.constructEvent(JSON.stringify(first?.event), first?.signature ?? '', WEBHOOK_SECRET),
    ).toThrow(/signature/i);
  });

  it('retries an endpoint that answers 500, so the relay gets the event again', async () => {
    await start();
    receiver.respond = (_webhook, index) => (index === 0 ? 500 : 200);
    await subscribe(stripe);
    await fake.webhooksSettled();
    const deliveries = fake.deliveries();
    const first = deliveries.filter((delivery) => delivery.eventId === receiver.received[0]?.event.id);
    expect(first.map((delivery) => [delivery.attempt, delivery.status])).toEqual([
      [1, 500],
      [2, 200],
    ]);
    expect(first[0]?.error).toBe('HTTP 500');
    // The retry is the same event, freshly signed; it arrives after the events queued behind it.
    expect(receiver.types()).toEqual([
      'customer.subscription.created',
      'invoice.paid',
      'checkout.session.completed',
      'customer.subscription.created',
    ]);
    expect(receiver.received[3]?.event.id).toBe(receiver.received[0]?.event.id);
    expect(() =>
      stripe.webhooks.constructEvent(
        receiver.received[3]?.raw ?? '',
        receiver.received[3]?.signature ?? '',
        WEBHOOK_SECRET,
      ),
    ).not.toThrow();
  });

  it('gives up after the configured retries, recording network errors', async () => {
    await start({ webhookUrl: `http://127.0.0.1:${await closedPort()}/hook` });
    const customer = await stripe.customers.create({});
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      customer: customer.id,
      line_items: [{ price: 'price_standard_monthly', quantity: 1 }],
    });
    fake.completeCheckout(session.id);
    await fake.webhooksSettled();
    const forFirst = fake.deliveries().filter((delivery) => delivery.eventId === fake.events()[0]?.id);
    expect(forFirst.map((delivery) => delivery.attempt)).toEqual([1, 2, 3]);
    expect(forFirst.every((delivery) => delivery.status === null && delivery.error)).toBe(true);
  });

  it('delivers one operation’s events last-first while sendEventsOutOfOrder is on', async () => {
    await start();
    fake.sendEventsOutOfOrder(true);
    await subscribe(stripe);
    await fake.webhooksSettled();
    expect(receiver.types()).toEqual(['checkout.session.completed', 'invoice.paid', 'customer.subscription.created']);
    // events() keeps the order they happened in.
    expect(fake.events().map((event) => event.type)).toEqual([
      'customer.subscription.created',
      'invoice.paid',
      'checkout.session.completed',
    ]);
    fake.sendEventsOutOfOrder(false);
    fake.advanceClock(40 * 24 * 60 * 60);
    await fake.webhooksSettled();
    expect(receiver.types().slice(3)).toEqual(['customer.subscription.updated', 'invoice.paid']);
  });

  it('resendEvent sends the same event again, attempt numbering from 1', async () => {
    await start();
    await subscribe(stripe);
    await fake.webhooksSettled();
    const eventId = fake.events()[1]?.id ?? '';
    fake.resendEvent(eventId);
    await fake.webhooksSettled();
    expect(receiver.received.at(-1)?.event.id).toBe(eventId);
    expect(fake.deliveries().filter((delivery) => delivery.eventId === eventId)).toHaveLength(2);
    expect(() => fake.resendEvent('evt_missing')).toThrow(/No such event/);
  });

  it('an endpoint added later gets the events after it, with its own secret', async () => {
    await start();
    const second = await new WebhookReceiver().start();
    try {
      const endpoint = fake.addWebhookEndpoint({ url: second.url });
      expect(endpoint.secret).toMatch(/^whsec_/);
      const { subscription } = await subscribe(stripe);
      await stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
      await fake.webhooksSettled();
      expect(second.types()).toEqual(receiver.types());
      const last = second.received.at(-1);
      const event = stripe.webhooks.constructEvent(last?.raw ?? '', last?.signature ?? '', endpoint.secret);
      expect(event.pending_webhooks).toBe(2);
      // Events caused by an API call name the request.
      expect(event.request?.id).toBe(fake.requests().at(-1)?.requestId);
    } finally {
      await second.close();
    }
  });

  it('webhooksSettled rejects when deliveries take longer than allowed', async () => {
    await start({ retryDelaysMs: [5_000] });
    receiver.respond = () => 503;
    await subscribe(stripe);
    await expect(fake.webhooksSettled({ timeoutMs: 200 })).rejects.toThrow(/still pending/);
  });
});
