import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStripeFake } from './server';
import { stripeFor, subscriptionCheckout, TestClock } from './test-support';
import { STRIPE_API_VERSION, type StripeFake } from './types';

let fake: StripeFake;
let stripe: Stripe;
let clock: TestClock;

beforeEach(async () => {
  clock = new TestClock();
  fake = await startStripeFake({ now: clock.now });
  stripe = stripeFor(fake);
});
afterEach(() => fake.close());

const CHECKOUT = subscriptionCheckout();

/** A raw request, for what the stripe client never sends. */
function raw(path: string, init: RequestInit & { key?: string | null } = {}) {
  const { key = fake.apiKey, headers, ...rest } = init;
  const merged = new Headers(headers);
  if (key !== null) merged.set('authorization', `Bearer ${key}`);
  return fetch(`${fake.url}${path}`, { ...rest, headers: merged });
}

describe('customers', () => {
  it('creates, retrieves, updates and deletes a customer', async () => {
    const created = await stripe.customers.create({
      email: 'owner@example.com',
      name: 'Tenant One',
      metadata: { tenant_id: 'tenant-1' },
    });
    expect(created).toMatchObject({
      object: 'customer',
      email: 'owner@example.com',
      name: 'Tenant One',
      metadata: { tenant_id: 'tenant-1' },
      livemode: false,
    });
    expect(created.id).toMatch(/^cus_[A-Za-z0-9]{24}$/);
    expect(created.created).toBe(clock.time / 1000);

    const updated = await stripe.customers.update(created.id, { metadata: { plan: 'standard', tenant_id: '' } });
    expect(updated.metadata).toEqual({ plan: 'standard' });
    expect(await stripe.customers.retrieve(created.id)).toMatchObject({
      id: created.id,
      metadata: { plan: 'standard' },
    });

    const deleted = await stripe.customers.del(created.id);
    expect(deleted).toEqual({ id: created.id, object: 'customer', deleted: true });
    // As in Stripe, a deleted customer can still be retrieved (as the stub), but not changed.
    expect(await stripe.customers.retrieve(created.id)).toMatchObject({ id: created.id, deleted: true });
    await expect(stripe.customers.update(created.id, { name: 'x' })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 404,
      code: 'resource_missing',
    });
  });

  it('records each request: method, path, parsed form, Stripe-Version and Idempotency-Key', async () => {
    await stripe.customers.create({ email: 'a@example.com', metadata: { tenant_id: 't' } }, { idempotencyKey: 'k-1' });
    const [request] = fake.requests();
    expect(request).toMatchObject({
      method: 'POST',
      path: '/v1/customers',
      params: { email: 'a@example.com', metadata: { tenant_id: 't' } },
      idempotencyKey: 'k-1',
      stripeVersion: STRIPE_API_VERSION,
      status: 200,
      idempotentReplayed: false,
    });
    expect(request?.rawBody).toBe('email=a%40example.com&metadata[tenant_id]=t');
    expect(request?.requestId).toMatch(/^req_/);
  });
});

describe('errors, as the stripe client maps them', () => {
  it('401 without the right key: StripeAuthenticationError', async () => {
    const wrong = stripeFor(fake, 'sk_test_wrong_key_1234');
    const error = await wrong.customers.create({}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect(error).toMatchObject({
      statusCode: 401,
      message: expect.stringMatching(/^\[req_\w+\] Invalid API Key provided: sk_test_\*+1234$/),
    });

    const missing = await raw('/v1/customers', { method: 'POST', key: null });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({
      error: { type: 'invalid_request_error', message: expect.stringContaining('You did not provide an API key') },
    });
  });

  it('404 for an unknown id: StripeInvalidRequestError with resource_missing', async () => {
    const error = await stripe.subscriptions.retrieve('sub_missing').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({
      statusCode: 404,
      code: 'resource_missing',
      param: 'id',
      raw: { message: "No such subscription: 'sub_missing'" },
    });
    for (const call of [
      () => stripe.customers.retrieve('cus_missing'),
      () => stripe.invoices.retrieve('in_missing'),
      () => stripe.prices.retrieve('price_missing'),
      () => stripe.checkout.sessions.retrieve('cs_test_missing'),
    ]) {
      await expect(call()).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
    }
  });

  it('400 for missing, unknown and invalid parameters', async () => {
    await expect(stripe.billingPortal.sessions.create({} as never)).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
      code: 'parameter_missing',
      param: 'customer',
      raw: { message: 'Missing required param: customer.' },
    });
    await expect(stripe.customers.create({ colour: 'red' } as never)).rejects.toMatchObject({
      statusCode: 400,
      code: 'parameter_unknown',
      param: 'colour',
    });
    await expect(
      stripe.checkout.sessions.create({ ...CHECKOUT, line_items: [{ price: 'price_nope', quantity: 1 }] }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'resource_missing', param: 'line_items[0][price]' });
    await expect(
      stripe.checkout.sessions.create({ ...CHECKOUT, line_items: [{ price: 'price_standard_monthly' }] }),
    ).rejects.toMatchObject({ statusCode: 400, code: 'parameter_missing', param: 'line_items[0][quantity]' });
    await expect(stripe.checkout.sessions.create({ ...CHECKOUT, customer: 'cus_gone' })).rejects.toMatchObject({
      statusCode: 400,
      code: 'resource_missing',
      param: 'customer',
    });
    await expect(stripe.checkout.sessions.create({ ...CHECKOUT, success_url: 'not a url' })).rejects.toMatchObject({
      statusCode: 400,
      param: 'success_url',
    });
    await expect(stripe.checkout.sessions.create({ ...CHECKOUT, mode: 'payment' })).rejects.toMatchObject({
      statusCode: 400,
      param: 'mode',
    });
  });

  it('404 for an unknown URL, and 400 for JSON bodies and another API version', async () => {
    const unknown = await raw('/v1/charges');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(
      /^Unrecognized request URL \(GET: \/v1\/charges\)/,
    );
    const json = await raw('/v1/customers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@example.com' }),
    });
    expect(json.status).toBe(400);
    const old = await raw('/v1/customers', { method: 'POST', headers: { 'stripe-version': '2024-06-20' } });
    expect(old.status).toBe(400);
    expect(await old.text()).toContain(STRIPE_API_VERSION);
  });
});

describe('idempotency', () => {
  it('replays the first answer for the same key and body, and refuses another body', async () => {
    const first = await stripe.checkout.sessions.create(CHECKOUT, { idempotencyKey: 'checkout:tenant-1' });
    const again = await stripe.checkout.sessions.create(CHECKOUT, { idempotencyKey: 'checkout:tenant-1' });
    expect(again.id).toBe(first.id);
    expect(fake.checkoutSessions()).toHaveLength(1);
    expect(fake.requests().map((request) => request.idempotentReplayed)).toEqual([false, true]);

    const error = await stripe.checkout.sessions
      .create({ ...CHECKOUT, client_reference_id: 'tenant-2' }, { idempotencyKey: 'checkout:tenant-1' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error).toMatchObject({ statusCode: 400, rawType: 'idempotency_error' });

    // Another endpoint under the same key is refused too.
    await expect(stripe.customers.create({}, { idempotencyKey: 'checkout:tenant-1' })).rejects.toMatchObject({
      rawType: 'idempotency_error',
    });
  });

  it('does not store a failed request, so a corrected retry under the same key works', async () => {
    await expect(
      stripe.checkout.sessions.create({ ...CHECKOUT, customer: 'cus_gone' }, { idempotencyKey: 'k' }),
    ).rejects.toMatchObject({ statusCode: 400 });
    const session = await stripe.checkout.sessions.create(CHECKOUT, { idempotencyKey: 'k' });
    expect(session.status).toBe('open');
  });
});

describe('checkout and portal sessions', () => {
  it('creates a subscription-mode session pointing at the hosted page', async () => {
    const customer = await stripe.customers.create({ email: 'owner@example.com' });
    const session = await stripe.checkout.sessions.create({ ...CHECKOUT, customer: customer.id });
    expect(session).toMatchObject({
      object: 'checkout.session',
      mode: 'subscription',
      status: 'open',
      payment_status: 'unpaid',
      customer: customer.id,
      client_reference_id: 'tenant-1',
      metadata: { tenant_id: 'tenant-1' },
      amount_total: 3000,
      currency: 'jpy',
      subscription: null,
      success_url: CHECKOUT.success_url,
      url: `${fake.url}/checkout/pay/${session.id}`,
      livemode: false,
    });
    expect(session.id).toMatch(/^cs_test_\w{58}$/);
    expect(session.expires_at - session.created).toBe(24 * 60 * 60);

    const withItems = await stripe.checkout.sessions.retrieve(session.id, { expand: ['line_items', 'customer'] });
    expect(withItems.line_items?.data[0]?.price?.id).toBe('price_standard_monthly');
    expect(withItems.customer).toMatchObject({ id: customer.id, object: 'customer' });
  });

  it('refuses customer together with customer_email', async () => {
    const customer = await stripe.customers.create({});
    await expect(
      stripe.checkout.sessions.create({ ...CHECKOUT, customer: customer.id, customer_email: 'x@example.com' }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  it('creates a portal session for a live customer only', async () => {
    const customer = await stripe.customers.create({});
    const portal = await stripe.billingPortal.sessions.create({
      customer: customer.id,
      return_url: 'https://relay.example/billing',
    });
    expect(portal).toMatchObject({
      object: 'billing_portal.session',
      customer: customer.id,
      return_url: 'https://relay.example/billing',
      url: `${fake.url}/portal/${portal.id}`,
    });
    expect(portal.id).toMatch(/^bps_/);
    await stripe.customers.del(customer.id);
    await expect(stripe.billingPortal.sessions.create({ customer: customer.id })).rejects.toMatchObject({
      code: 'resource_missing',
      param: 'customer',
    });
  });

  it('serves the configured prices', async () => {
    const price = await stripe.prices.retrieve('price_standard_monthly');
    expect(price).toMatchObject({
      object: 'price',
      unit_amount: 3000,
      currency: 'jpy',
      type: 'recurring',
      recurring: { interval: 'month', interval_count: 1 },
      product: 'prod_standard',
    });
  });
});
