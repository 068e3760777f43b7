import { tenants } from '@k2c/db';
import { eq, sql } from '@k2c/db/operators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StripeFake, stripeSignatureHeader } from '../stripe-fake/index';
import { connectAccount, type TestRelayServer } from '../support/index';
import { type BillingServers, startBillingServers } from './billing-servers';

const CHATWORK_TOKEN = 'cw-billing-token';
const WEBHOOK_SECRET = 'whsec_billing_test';

/**
 * Billing against the local Stripe: the relay grants a plan only when Stripe confirms it by a
 * signed webhook, reads the subscription back from Stripe whatever order events come in, and
 * applies the quota that plan gives.
 */
describe('billing with Stripe', () => {
  let servers: BillingServers;
  let stripe: StripeFake;
  let relay: TestRelayServer;

  beforeAll(async () => {
    servers = await startBillingServers({ chatworkToken: CHATWORK_TOKEN, freeQuota: 2, webhookSecret: WEBHOOK_SECRET });
    ({ stripe, relay } = servers);
    stripe.addWebhookEndpoint({ url: `${relay.url}/webhooks/stripe`, secret: WEBHOOK_SECRET });
  });
  afterAll(() => servers?.close());

  const api = (cookie: string, path: string, body?: unknown) =>
    fetch(`${relay.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  let recordId = 0;
  const notify = (key: string) =>
    fetch(`${relay.url}/v1/notifications`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        event: 'create',
        appId: '1',
        recordId: String(++recordId),
        record: { title: { type: 'SINGLE_LINE_TEXT', value: 'x' } },
        rules: JSON.stringify({
          version: 1,
          rules: [{ id: 'r1', events: ['create'], roomId: '1001', template: '{{title}}' }],
        }),
        kintoneHost: 'example.cybozu.com',
      }),
    });

  async function upgrade(cookie: string): Promise<string> {
    const response = await api(cookie, '/api/billing/checkout', { plan: 'standard' });
    expect(response.status).toBe(200);
    const { url } = (await response.json()) as { url: string };
    const sessionId = url.split('/').at(-1) as string;
    expect(stripe.completeCheckout(sessionId, 'pay')).toContain('/dashboard/billing?checkout=success');
    await stripe.webhooksSettled();
    return sessionId;
  }

  const billing = async (cookie: string) =>
    (await (await api(cookie, '/api/billing')).json()) as {
      plan: { code: string; status: string; monthlyQuota: number; usedThisMonth: number };
      subscription: { status: string; renewsAt: string | null; endsAt: string | null } | null;
      canManage: boolean;
    };

  it('lifts the quota when Stripe confirms the upgrade, reusing one customer per tenant', async () => {
    const { cookie, connectionKey } = await connectAccount(relay.url, CHATWORK_TOKEN);
    expect((await notify(connectionKey)).status).toBe(202);
    expect((await notify(connectionKey)).status).toBe(202);
    const refused = await notify(connectionKey);
    expect(refused.status).toBe(402);
    expect(await refused.json()).toMatchObject({ error: { code: 'quota_exceeded' } });

    // Only Stripe's webhook grants the plan: the checkout URL alone changes nothing.
    const started = await api(cookie, '/api/billing/checkout', { plan: 'standard' });
    expect(started.status).toBe(200);
    expect((await billing(cookie)).plan.code).toBe('free');
    const again = await api(cookie, '/api/billing/checkout', { plan: 'standard' });
    expect(again.status).toBe(200);

    await upgrade(cookie);
    const state = await billing(cookie);
    expect(state.plan).toMatchObject({ code: 'standard', status: 'active', monthlyQuota: 10_000, usedThisMonth: 2 });
    expect(state.subscription?.status).toBe('active');
    expect(state.subscription?.renewsAt).toBeTruthy();
    expect((await notify(connectionKey)).status).toBe(202);

    const checkout = stripe
      .requests()
      .filter((request) => request.path === '/v1/checkout/sessions' && request.method === 'POST');
    const customers = new Set(checkout.slice(-3).map((request) => request.params.customer));
    expect(customers.size).toBe(1);
    expect(
      stripe.requests().filter((request) => request.path === '/v1/customers' && request.method === 'POST'),
    ).toHaveLength(1);
    const metadata = (checkout.at(-1)?.params.subscription_data as { metadata?: { tenant_id?: string } } | undefined)
      ?.metadata;
    expect(metadata?.tenant_id).toBeTruthy();
    expect((await api(cookie, '/api/billing/checkout', { plan: 'standard' })).status).toBe(409);
  });

  it('processes each event once and reaches the same state whatever order events arrive in', async () => {
    const { cookie } = await connectAccount(relay.url, CHATWORK_TOKEN);
    stripe.sendEventsOutOfOrder(true);
    try {
      await upgrade(cookie);
    } finally {
      stripe.sendEventsOutOfOrder(false);
    }
    expect((await billing(cookie)).plan).toMatchObject({ code: 'standard', status: 'active' });
    const event = stripe.events().at(-1);
    const before = relay.logs.filter((line) => line.includes('"outcome":"duplicate"')).length;
    stripe.resendEvent(event?.id as string);
    await stripe.webhooksSettled();
    expect(relay.logs.filter((line) => line.includes('"outcome":"duplicate"')).length).toBe(before + 1);
  });

  it('cancels through the Customer Portal at period end, then returns the tenant to Free', async () => {
    const { cookie, connectionKey } = await connectAccount(relay.url, CHATWORK_TOKEN);
    await upgrade(cookie);
    const portal = await api(cookie, '/api/billing/portal', {});
    expect(portal.status).toBe(200);
    const { url } = (await portal.json()) as { url: string };
    expect(url.startsWith(stripe.url)).toBe(true);
    // What the portal's "cancel at period end" button posts.
    const page = await (await fetch(url)).text();
    expect(page).toContain('Cancel at period end');
    const subscription = /name="subscription" value="([^"]+)"/.exec(page)?.[1];
    const cancelled = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'cancel', subscription: subscription ?? '' }).toString(),
      redirect: 'manual',
    });
    expect(cancelled.status).toBe(303);
    await stripe.webhooksSettled();
    const cancelling = await billing(cookie);
    expect(cancelling.plan.code).toBe('standard');
    expect(cancelling.subscription?.endsAt).toBeTruthy();

    stripe.advanceClock(32 * 24 * 3600);
    await stripe.webhooksSettled();
    expect((await billing(cookie)).plan).toMatchObject({ code: 'free', monthlyQuota: 2 });
    // Back on the free quota: this month's usage is already past it.
    for (let index = 0; index < 2; index++) await notify(connectionKey);
    expect((await notify(connectionKey)).status).toBe(402);
  });

  it('keeps the plan through a grace period after a failed payment, then suspends it until paid', async () => {
    const { cookie, connectionKey } = await connectAccount(relay.url, CHATWORK_TOKEN);
    await upgrade(cookie);
    const subscription = stripe.subscriptions().find((sub) => sub.status === 'active' && !sub.cancel_at_period_end);
    // The newest active subscription is this tenant's.
    const mine = stripe.subscriptions().at(-1) ?? subscription;
    stripe.failNextRenewal(mine?.id as string);
    stripe.advanceClock(32 * 24 * 3600);
    await stripe.webhooksSettled();
    const pastDue = await billing(cookie);
    expect(pastDue.plan).toMatchObject({ code: 'standard', status: 'past_due', monthlyQuota: 10_000 });
    for (let index = 0; index < 3; index++) expect((await notify(connectionKey)).status).toBe(202);

    // The grace period ends (moved into the past here rather than waiting a week).
    const tenantId = (await (await api(cookie, '/api/me')).json()) as { tenant: { id: string } };
    await relay.database.db
      .update(tenants)
      .set({ planGraceUntil: sql`now() - interval '1 minute'` })
      .where(eq(tenants.id, tenantId.tenant.id));
    const suspended = await notify(connectionKey);
    expect(suspended.status).toBe(402);
    expect(await suspended.json()).toMatchObject({ error: { code: 'plan_inactive' } });
    expect((await billing(cookie)).plan.status).toBe('suspended');

    const openInvoice = stripe.invoices().find((invoice) => invoice.status === 'open');
    stripe.payInvoice(openInvoice?.id as string);
    await stripe.webhooksSettled();
    expect((await billing(cookie)).plan).toMatchObject({ code: 'standard', status: 'active' });
    expect((await notify(connectionKey)).status).toBe(202);
  });

  it('refuses webhooks that are unsigned, wrongly signed or tampered with', async () => {
    const payload = JSON.stringify({
      id: 'evt_forged',
      type: 'customer.subscription.deleted',
      data: { object: { id: 'sub_x' } },
    });
    const post = (headers: Record<string, string>, body = payload) =>
      fetch(`${relay.url}/webhooks/stripe`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body,
      });
    expect((await post({})).status).toBe(400);
    expect(
      (await post({ 'Stripe-Signature': stripeSignatureHeader(payload, 'whsec_wrong', Math.floor(Date.now() / 1000)) }))
        .status,
    ).toBe(400);
    const signed = stripeSignatureHeader(payload, WEBHOOK_SECRET, Math.floor(Date.now() / 1000));
    expect((await post({ 'Stripe-Signature': signed }, payload.replace('sub_x', 'sub_y'))).status).toBe(400);
  });
});
