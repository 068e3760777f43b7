import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleNotification } from '../../../relay/src/testing/test-relay';
import type { ChatworkFake } from '../chatwork-fake/index';
import { openWatchedPage, type WatchedPage } from '../dashboard/helpers';
import type { StripeFake } from '../stripe-fake/index';
import {
  ACCOUNT_PASSWORD,
  type ConnectedAccount,
  connectAccount,
  launchBrowser,
  maybeScreenshot,
  type TestRelayServer,
} from '../support/index';
import { type BillingServers, startBillingServers } from './billing-servers';
import { startWebhookGate } from './webhook-gate';

const CHATWORK_TOKEN = 'cw-billing-flow-token';
const WEBHOOK_SECRET = 'whsec_billing_flow';
const QUOTA = 3;
const DAY_SECONDS = 24 * 60 * 60;

const japanDate = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

interface BillingState {
  plan: { code: string; status: string; monthlyQuota: number; usedThisMonth: number };
  subscription: { status: string; renewsAt: string | null; endsAt: string | null } | null;
}

/**
 * The whole billing path in Chromium against a real relay, the local Stripe and the local
 * ChatWork: a free tenant runs out of notifications, upgrades through Checkout, its notifications
 * flow again once Stripe's webhook confirms it, it cancels in the Customer Portal, and at the end
 * of the period it is back on Free with the free quota. The relay's clock follows Stripe's, so
 * the month turns for both when Stripe's clock is moved past the period end.
 */
describe('billing in the browser, from the quota to Standard and back to Free', () => {
  let servers: BillingServers;
  let chatwork: ChatworkFake;
  let stripe: StripeFake;
  let gate: Awaited<ReturnType<typeof startWebhookGate>>;
  let relay: TestRelayServer;
  let browser: Browser;
  let watched: WatchedPage;
  let page: Page;
  let account: ConnectedAccount;
  let periodEnd: Date;
  let recordId = 0;

  beforeAll(async () => {
    servers = await startBillingServers({
      chatworkToken: CHATWORK_TOKEN,
      freeQuota: QUOTA,
      webhookSecret: WEBHOOK_SECRET,
      followStripeClock: true,
    });
    ({ chatwork, stripe, relay } = servers);
    gate = await startWebhookGate(`${relay.url}/webhooks/stripe`);
    stripe.addWebhookEndpoint({ url: gate.url, secret: WEBHOOK_SECRET });
    account = await connectAccount(relay.url, CHATWORK_TOKEN);
    browser = await launchBrowser();
    watched = await openWatchedPage(browser);
    page = watched.page;
    // Fail within a test's time with Playwright's message, rather than hang until vitest gives up.
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await gate?.close();
    await servers?.close();
  });

  const current = () => page.locator('#current');

  /** What the plug-in sends when a record is saved (kintone's proxy adds the key). */
  const notify = () =>
    fetch(`${relay.url}/v1/notifications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${account.connectionKey}` },
      body: JSON.stringify(sampleNotification({ recordId: String(++recordId) })),
    });

  async function expectQuotaExceeded() {
    const refused = await notify();
    expect(refused.status).toBe(402);
    expect(await refused.json()).toMatchObject({ error: { code: 'quota_exceeded' } });
  }

  /** GET /api/billing with the browser's session. */
  async function billingApi(): Promise<BillingState> {
    const cookies = await watched.context.cookies(relay.url);
    const cookie = cookies.map(({ name, value }) => `${name}=${value}`).join('; ');
    const response = await fetch(`${relay.url}/api/billing`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    return (await response.json()) as BillingState;
  }

  /** Opens the billing page as a person would: the login form first, then back to the page. */
  async function openBillingPage() {
    await page.goto(`${relay.url}/dashboard/billing`);
    await page.waitForURL(`${relay.url}/login?next=%2Fdashboard%2Fbilling`);
    await page.getByLabel('メールアドレス').fill(account.email);
    await page.getByLabel('パスワード').fill(ACCOUNT_PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL(`${relay.url}/dashboard/billing`);
  }

  it('refuses notifications past the free quota with 402 quota_exceeded', async () => {
    for (let count = 0; count < QUOTA; count++) expect((await notify()).status).toBe(202);
    await expectQuotaExceeded();
    await chatwork.waitForMessages(QUOTA, { roomId: '1001', timeoutMs: 15_000 });
  });

  it('shows the quota warning on the billing page, next to the upgrade', async () => {
    await openBillingPage();
    expect(await page.locator('#quota-warning').textContent()).toBe(
      '今月の上限に達しました。翌月 1 日（日本時間）まで通知は送られません。スタンダードプランにすると、すぐに月 10,000 件まで送れます。',
    );
    const plan = await current().textContent();
    expect(plan).toContain('フリー');
    expect(plan).toContain('有効');
    expect(plan).toContain(`${QUOTA} / ${QUOTA} 件`);
    expect(plan).toContain('上限の 100%');
    expect(await page.locator('.plan-current h3').textContent()).toContain('フリー');
    expect(await page.getByRole('button', { name: 'お支払いの管理・解約' }).count()).toBe(0);
    await maybeScreenshot(page, 'dashboard-billing');
  });

  it('upgrades through Checkout; the page waits for Stripe’s confirmation, then shows Standard', async () => {
    await page.getByRole('button', { name: 'スタンダードプランにアップグレード' }).click();
    await page.waitForURL(new RegExp(`^${stripe.url}/checkout/pay/cs_`));
    expect(await page.locator('body').textContent()).toContain('¥3,000');
    await page.getByRole('button', { name: '支払う / Pay' }).click();
    await page.waitForURL(`${relay.url}/dashboard/billing?checkout=success`);

    // Stripe has sent its confirmation, but it is held on the way: the page grants nothing itself.
    await expect.poll(() => gate.waiting(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('#checkout-notice').textContent()).toContain(
      'Stripe からお支払いの確認が届きしだい、プランが切り替わります（反映まで数秒かかることがあります）。',
    );
    expect(await current().textContent()).toContain('フリー');
    await expectQuotaExceeded();

    gate.open();
    await stripe.webhooksSettled();
    await page.getByRole('link', { name: '最新の状態を表示' }).click();
    await expect
      .poll(() => page.locator('#checkout-notice').textContent(), { timeout: 10_000 })
      .toBe('お支払いを確認しました。スタンダードプランをご利用いただけます。');
    const subscription = stripe.subscriptions().at(-1);
    periodEnd = new Date((subscription?.items.data[0]?.current_period_end ?? 0) * 1000);
    const plan = await current().textContent();
    expect(plan).toContain('スタンダード');
    expect(plan).toContain('有効');
    expect(plan).toContain(`次回の更新日${japanDate.format(periodEnd)}`);
    expect(plan).toContain(`${QUOTA} / 10,000 件`);
    expect(await page.locator('#quota-warning').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'スタンダードプランにアップグレード' }).count()).toBe(0);
    expect(await billingApi()).toMatchObject({
      plan: { code: 'standard', status: 'active', monthlyQuota: 10_000, usedThisMonth: QUOTA },
      subscription: { status: 'active', renewsAt: periodEnd.toISOString(), endsAt: null },
    });

    expect((await notify()).status).toBe(202);
    const messages = await chatwork.waitForMessages(QUOTA + 1, { roomId: '1001', timeoutMs: 15_000 });
    expect(messages).toHaveLength(QUOTA + 1);
  });

  it('cancels in the Customer Portal; the page says the plan ends at the period end', async () => {
    await page.getByRole('button', { name: 'お支払いの管理・解約' }).click();
    await page.waitForURL(new RegExp(`^${stripe.url}/portal/bps_`));
    await page.getByRole('button', { name: '期間終了時に解約 / Cancel at period end' }).click();
    await expect.poll(() => page.locator('body').textContent(), { timeout: 10_000 }).toContain('に解約されます');
    await page.getByRole('button', { name: '戻る / Return' }).click();
    await page.waitForURL(`${relay.url}/dashboard/billing`);
    await stripe.webhooksSettled();
    await page.reload();

    const end = japanDate.format(periodEnd);
    const plan = await current().textContent();
    expect(plan).toContain('スタンダード');
    expect(plan).toContain('解約予定');
    expect(plan).toContain(`終了日${end}`);
    expect(plan).toContain(`${end} に解約されます。`);
    expect(plan).not.toContain('次回の更新日');
    expect(await billingApi()).toMatchObject({
      plan: { code: 'standard', status: 'active' },
      subscription: { status: 'active', renewsAt: null, endsAt: periodEnd.toISOString() },
    });
    expect((await notify()).status).toBe(202);
  });

  it('is back on Free after the period end, and the free quota applies again', async () => {
    stripe.advanceClock(32 * DAY_SECONDS);
    await stripe.webhooksSettled();
    expect(stripe.subscriptions().at(-1)?.status).toBe('canceled');

    // A month later the 30-day session has run out too: the login form comes first.
    await openBillingPage();
    const plan = await current().textContent();
    expect(plan).toContain('フリー');
    expect(plan).toContain('有効');
    expect(plan).not.toContain('解約予定');
    expect(plan).toContain(`0 / ${QUOTA} 件`);
    expect(await page.getByRole('button', { name: 'スタンダードプランにアップグレード' }).count()).toBe(1);
    expect(await billingApi()).toMatchObject({
      plan: { code: 'free', status: 'active', monthlyQuota: QUOTA, usedThisMonth: 0 },
      subscription: { status: 'canceled', renewsAt: null, endsAt: null },
    });

    for (let count = 0; count < QUOTA; count++) expect((await notify()).status).toBe(202);
    await expectQuotaExceeded();
    await page.reload();
    expect(await current().textContent()).toContain(`${QUOTA} / ${QUOTA} 件`);
    expect(await page.locator('#quota-warning').textContent()).toContain('今月の上限に達しました。');

    expect(watched.cspViolations).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
  });
});
