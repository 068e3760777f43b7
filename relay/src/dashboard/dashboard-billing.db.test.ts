import { withTenant } from '@k2c/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StripeFake, startStripeFake } from '../../../tests/src/stripe-fake/index';
import { type SubscriptionState, saveSubscription, type TenantPlanUpdate } from '../queries/billing';
import { createTestRelay, jsonRequest, sampleNotification, type TestRelay } from '../testing/test-relay';
import { createKeyThroughForm, signUpThroughForm } from './testing/accounts';
import { DashboardClient, expectCspClean, locationOf, TEST_ORIGIN, textOf } from './testing/dashboard-client';

const PRICE = 'price_standard_monthly';
// A period end far enough ahead to be in the future whenever the test runs: 12:00 in Japan.
const PERIOD_END = new Date('2030-01-15T03:00:00Z');

async function member(relay: TestRelay, headers: Record<string, string> = {}) {
  const client = new DashboardClient(relay.app, headers);
  await signUpThroughForm(client);
  const me = (await (await client.get('/api/me')).json()) as { tenant: { id: string } };
  return { client, tenantId: me.tenant.id };
}

/** Puts a tenant in the state Stripe's webhooks would have left it in, through the same query. */
function storeBilling(
  relay: TestRelay,
  tenantId: string,
  subscription: Partial<SubscriptionState>,
  plan: TenantPlanUpdate,
): Promise<void> {
  return withTenant(relay.database.db, tenantId, (tx) =>
    saveSubscription(
      tx,
      tenantId,
      {
        stripeSubscriptionId: `sub_${tenantId}`,
        planCode: 'standard',
        status: 'active',
        currentPeriodEnd: PERIOD_END,
        cancelAtPeriodEnd: false,
        ...subscription,
      },
      plan,
    ),
  );
}

const standardActive: TenantPlanUpdate = { planCode: 'standard', planStatus: 'active', planGraceUntil: null };

/** The HTML of the form that posts to `action`, or undefined when the page has none. */
function formOf(html: string, action: string): string | undefined {
  return new RegExp(`<form[^>]*action="${action}"[\\s\\S]*?</form>`).exec(html)?.[0];
}

describe('the billing page with Stripe', () => {
  let stripe: StripeFake;
  let relay: TestRelay;

  beforeAll(async () => {
    stripe = await startStripeFake();
    relay = await createTestRelay({
      env: {
        FREE_MONTHLY_QUOTA: '5',
        STRIPE_SECRET_KEY: stripe.apiKey,
        STRIPE_API_URL: stripe.url,
        STRIPE_PRICE_STANDARD: PRICE,
      },
    });
  });
  afterAll(async () => {
    await relay?.close();
    await stripe?.close();
  });

  const checkoutCount = () => stripe.checkoutSessions().length;

  it('offers the upgrade as a form that leads to Stripe Checkout, and grants nothing by itself', async () => {
    const { client, tenantId } = await member(relay);
    const response = await client.get('/dashboard/billing');
    // The page may send its forms on to Stripe's hosted pages (here the local Stripe), no other page may.
    expect(response.headers.get('content-security-policy')).toContain(
      `form-action 'self' https://checkout.stripe.com https://billing.stripe.com ${stripe.url};`,
    );
    expect((await client.get('/dashboard/keys')).headers.get('content-security-policy')).toContain(
      "form-action 'self';",
    );
    const html = await response.text();
    expectCspClean(html);
    const text = textOf(html);
    expect(text).toContain('プラン フリー');
    expect(text).toContain('状態 有効');
    expect(text).toContain('0 / 5 件');
    expect(text).toContain('スタンダード 3,000 円 / 月（税別） 月 10,000 件まで');
    expect(text).not.toContain('次回の更新日');
    expect(formOf(html, '/dashboard/billing/checkout')).toContain(
      '<input type="hidden" name="plan" value="standard"/>',
    );
    expect(formOf(html, '/dashboard/billing/checkout')).toContain('スタンダードプランにアップグレード');
    // Nothing to manage before the first checkout: no Stripe customer yet.
    expect(formOf(html, '/dashboard/billing/portal')).toBeUndefined();

    const started = await client.post('/dashboard/billing/checkout', { plan: 'standard' });
    expect(started.status).toBe(303);
    const session = stripe.checkoutSessions().at(-1);
    expect(locationOf(started)).toBe(session?.url);
    expect(session?.url).toMatch(new RegExp(`^${stripe.url}/checkout/pay/cs_`));
    expect(session).toMatchObject({
      mode: 'subscription',
      client_reference_id: tenantId,
      success_url: `${TEST_ORIGIN}/dashboard/billing?checkout=success`,
      cancel_url: `${TEST_ORIGIN}/dashboard/billing?checkout=cancelled`,
    });
    expect(relay.logs.some((line) => line.includes('"checkout started"') && line.includes(tenantId))).toBe(true);

    // Back from Checkout before Stripe's webhook: the page says it is coming, and still shows Free.
    const back = await client.page('/dashboard/billing?checkout=success');
    const backText = textOf(back);
    expect(backText).toContain(
      'Stripe からお支払いの確認が届きしだい、プランが切り替わります（反映まで数秒かかることがあります）。',
    );
    expect(back).toContain('<a href="/dashboard/billing?checkout=success">最新の状態を表示</a>');
    expect(backText).toContain('プラン フリー');
    expect(backText).not.toContain('お支払いを確認しました');
    // The customer exists now, so its card and invoices can be managed.
    expect(formOf(back, '/dashboard/billing/portal')).toContain('お支払いの管理・解約');

    const cancelled = textOf(await client.page('/dashboard/billing?checkout=cancelled'));
    expect(cancelled).toContain('お支払いは行われませんでした。プランは変わっていません。');
  });

  it('says the plan is active once Stripe has confirmed it, with the renewal date', async () => {
    const { client, tenantId } = await member(relay);
    await storeBilling(relay, tenantId, {}, standardActive);
    const html = await client.page('/dashboard/billing?checkout=success');
    const text = textOf(html);
    expect(text).toContain('お支払いを確認しました。スタンダードプランをご利用いただけます。');
    expect(text).not.toContain('反映まで数秒');
    expect(text).toContain('プラン スタンダード');
    expect(text).toContain('状態 有効');
    expect(text).toContain('次回の更新日 2030/01/15');
    expect(text).toContain('0 / 10,000 件');
    expect(formOf(html, '/dashboard/billing/checkout')).toBeUndefined();

    const english = textOf(await client.page('/dashboard/billing', { 'Accept-Language': 'en' }));
    expect(english).toContain('Plan Standard');
    expect(english).toContain('Renews on 2030-01-15');
  });

  it('shows a cancellation at period end, a payment grace period and a suspended plan with their dates', async () => {
    const ending = await member(relay);
    await storeBilling(relay, ending.tenantId, { cancelAtPeriodEnd: true }, standardActive);
    const endingText = textOf(await ending.client.page('/dashboard/billing'));
    expect(endingText).toContain('状態 解約予定');
    expect(endingText).toContain('終了日 2030/01/15');
    expect(endingText).toContain(
      '2030/01/15 に解約されます。それまではこのプランをご利用いただけ、その後はフリープランに戻ります。',
    );
    expect(endingText).not.toContain('次回の更新日');

    const pastDue = await member(relay);
    await storeBilling(
      relay,
      pastDue.tenantId,
      { status: 'past_due' },
      { planCode: 'standard', planStatus: 'past_due', planGraceUntil: new Date('2030-01-10T01:30:00Z') },
    );
    const pastDueText = textOf(await pastDue.client.page('/dashboard/billing'));
    expect(pastDueText).toContain('状態 お支払い待ち（猶予期間中）');
    expect(pastDueText).toContain('お支払いの猶予期限 2030/01/10 10:30');
    expect(pastDueText).toContain('2030/01/10 10:30 まではこのプランのままご利用いただけます。');
    expect(pastDueText).toContain('0 / 10,000 件');

    const suspended = await member(relay);
    await storeBilling(
      relay,
      suspended.tenantId,
      { status: 'unpaid' },
      { planCode: 'standard', planStatus: 'past_due', planGraceUntil: new Date(Date.now() - 60_000) },
    );
    const suspendedHtml = await suspended.client.page('/dashboard/billing');
    const suspendedText = textOf(suspendedHtml);
    expect(suspendedText).toContain('状態 停止中（フリープランの上限を適用）');
    expect(suspendedText).toContain('0 / 5 件');
    expect(suspendedText).toContain('カードを更新すると、すぐに再開します。');

    const english = textOf(await ending.client.page('/dashboard/billing', { 'Accept-Language': 'en' }));
    expect(english).toContain('Status Cancelling');
    expect(english).toContain('The plan is cancelled on 2030-01-15.');
  });

  it('warns from 80 % of the quota and at 100 %, pointing to the upgrade', async () => {
    const { client } = await member(relay);
    const { key } = await createKeyThroughForm(client);
    const notify = async (recordId: number) => {
      const response = await relay.app.request(
        '/v1/notifications',
        jsonRequest('POST', sampleNotification({ recordId: String(recordId) }), { Authorization: `Bearer ${key}` }),
      );
      expect(response.status).toBe(202);
    };
    for (let record = 1; record <= 3; record++) await notify(record);
    expect(await client.page('/dashboard/billing')).not.toContain('id="quota-warning"');

    await notify(4);
    const nearly = textOf(await client.page('/dashboard/billing'));
    expect(nearly).toContain('4 / 5 件');
    expect(nearly).toContain(
      '今月の上限に近づいています。上限に達すると、月末まで通知は送られません。 スタンダードプランにすると、すぐに月 10,000 件まで送れます。',
    );
    // Said once, at the top, rather than again under the bar.
    expect(nearly.split('今月の上限に近づいています').length).toBe(2);

    await notify(5);
    const full = await client.page('/dashboard/billing');
    expect(full).toMatch(/<div class="notice notice-warning" id="quota-warning"/);
    expect(textOf(full)).toContain('今月の上限に達しました。翌月 1 日（日本時間）まで通知は送られません。');
    expect(textOf(full)).toContain('5 / 5 件');
  });

  it('leads the manage form to the Customer Portal, which returns to the billing page', async () => {
    const { client } = await member(relay);
    await client.post('/dashboard/billing/checkout', { plan: 'standard' });
    const portal = await client.post('/dashboard/billing/portal');
    expect(portal.status).toBe(303);
    expect(locationOf(portal)).toMatch(new RegExp(`^${stripe.url}/portal/bps_`));
    const request = stripe
      .requests()
      .filter((recorded) => recorded.pathname === '/v1/billing_portal/sessions')
      .at(-1);
    expect(request?.params).toMatchObject({
      customer: stripe.checkoutSessions().at(-1)?.customer,
      return_url: `${TEST_ORIGIN}/dashboard/billing`,
    });
  });

  it('turns refusals into notices on the page, in the reader’s language', async () => {
    const { client, tenantId } = await member(relay);
    const noAccount = await client.post('/dashboard/billing/portal');
    expect(noAccount.status).toBe(409);
    const noAccountHtml = await noAccount.text();
    expectCspClean(noAccountHtml);
    expect(noAccountHtml).toMatch(/<div class="notice notice-error" id="billing-error" role="alert"/);
    expect(textOf(noAccountHtml)).toContain('まだ管理するご契約がありません。先に有料プランをお申し込みください。');

    const unknown = await client.post('/dashboard/billing/checkout', { plan: 'platinum' });
    expect(unknown.status).toBe(400);
    expect(textOf(await unknown.text())).toContain('操作を完了できませんでした。');
    const free = await client.post('/dashboard/billing/checkout', { plan: 'free' });
    expect(free.status).toBe(400);

    // A second tab still showing the upgrade button after the plan was bought.
    await storeBilling(relay, tenantId, {}, standardActive);
    const before = checkoutCount();
    const again = await client.post('/dashboard/billing/checkout', { plan: 'standard' });
    expect(again.status).toBe(409);
    expect(textOf(await again.text())).toContain('すでに有料プランをご契約中です。');
    const english = await client.post('/dashboard/billing/checkout', { plan: 'standard' }, { 'Accept-Language': 'en' });
    expect(english.status).toBe(409);
    expect(textOf(await english.text())).toContain('You already have a paid plan.');
    expect(checkoutCount()).toBe(before);
  });

  it('refuses a form posted from another site, before anything reaches Stripe', async () => {
    const { client } = await member(relay);
    const before = stripe.requests().length;
    for (const path of ['/dashboard/billing/checkout', '/dashboard/billing/portal']) {
      const response = await client.post(path, { plan: 'standard' }, { Origin: 'https://evil.example' });
      expect(response.status).toBe(403);
      expect(textOf(await response.text())).toContain('この操作は許可されていません。');
    }
    expect(stripe.requests().length).toBe(before);
  });
});

describe('the billing page when Stripe is unreachable or not set up', () => {
  it('says Stripe could not be reached, and that nothing changed', async () => {
    const relay = await createTestRelay({
      // Port 9 (discard) refuses connections.
      env: {
        STRIPE_SECRET_KEY: 'sk_test_unreachable',
        STRIPE_API_URL: 'http://127.0.0.1:9',
        STRIPE_PRICE_STANDARD: PRICE,
      },
    });
    try {
      const { client } = await member(relay);
      const response = await client.post('/dashboard/billing/checkout', { plan: 'standard' });
      expect(response.status).toBe(502);
      const text = textOf(await response.text());
      expect(text).toContain('決済サービス（Stripe）に接続できませんでした。プランは変わっていません。');
      expect(text).toContain('プラン フリー');
      expect(
        relay.logs.some((line) => line.includes('"stripe unavailable"') && line.includes('StripeConnectionError')),
      ).toBe(true);
      const api = await relay.app.request(
        '/api/billing/checkout',
        jsonRequest('POST', { plan: 'standard' }, { Cookie: client.cookieHeader }),
      );
      expect(api.status).toBe(502);
      expect(await api.json()).toMatchObject({ error: { code: 'billing_unavailable' } });
    } finally {
      await relay.close();
    }
  });

  it('replaces the buttons with a pointer to the contact form when billing is not configured', async () => {
    const relay = await createTestRelay();
    try {
      const { client } = await member(relay);
      const html = await client.page('/dashboard/billing');
      expect(formOf(html, '/dashboard/billing/checkout')).toBeUndefined();
      expect(formOf(html, '/dashboard/billing/portal')).toBeUndefined();
      expect(html).toMatch(/id="billing-unavailable"[\s\S]*<a href="\/contact">お問い合わせ<\/a>/);
      expect(textOf(html)).toContain('この通知サービスでは、オンラインでのプラン変更を受け付けていません。');
      expect(textOf(html)).toContain('スタンダード 3,000 円');

      const refused = await client.post('/dashboard/billing/checkout', { plan: 'standard' });
      expect(refused.status).toBe(503);
      expect(textOf(await refused.text())).toContain('オンラインでのお支払いを受け付けていません。');
    } finally {
      await relay.close();
    }
  });
});
