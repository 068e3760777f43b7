import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleNotification } from '../../../relay/src/testing/test-relay';
import { type ChatworkFake, startChatworkFake } from '../chatwork-fake/index';
import { launchBrowser, maybeScreenshot, startTestRelayServer, type TestRelayServer } from '../support/index';
import { openWatchedPage, seedDeliveryHistory, tenantIdOf, type WatchedPage } from './helpers';

const CHATWORK_TOKEN = 'cw-dashboard-token-7f3a';
const EMAIL = 'owner@sample-shoji.example';
const PASSWORD = 'a long passphrase for tests';
const COMPANY = 'サンプル商事株式会社';

/**
 * A company's whole life on the dashboard, in real Chromium against a real relay and the local
 * ChatWork: sign up, connect ChatWork, create a key, watch a notification arrive in the log,
 * export the data and delete the account. In Japanese, with a few pages in English, and with no
 * Content Security Policy violation anywhere.
 */
describe('the dashboard, from sign-up to account deletion', () => {
  let chatwork: ChatworkFake;
  let relay: TestRelayServer;
  let browser: Browser;
  let watched: WatchedPage;
  let page: Page;
  let connectionKey = '';
  let deliveryId = '';

  beforeAll(async () => {
    chatwork = await startChatworkFake();
    chatwork.addAccount({
      token: CHATWORK_TOKEN,
      accountId: '3001',
      name: '通知ボット',
      rooms: [
        { roomId: '1001', name: '営業チーム', type: 'group', role: 'member' },
        { roomId: '1002', name: 'お知らせ', type: 'group', role: 'member' },
      ],
    });
    relay = await startTestRelayServer({ chatworkUrl: chatwork.url });
    browser = await launchBrowser();
    watched = await openWatchedPage(browser);
    page = watched.page;
    // Fail within a test's time with Playwright's message, rather than hang until vitest gives up.
    page.setDefaultTimeout(10_000);
    page.on('dialog', (dialog) => void dialog.accept());
  });

  afterAll(async () => {
    await browser?.close();
    await relay?.close();
    await chatwork?.close();
  });

  const main = () => page.locator('main');

  it('signs a company up, keeping what was typed when something is wrong', async () => {
    await page.goto(relay.url);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
    expect(await page.locator('html').getAttribute('lang')).toBe('ja');
    await page.getByRole('link', { name: '新規登録' }).first().click();

    await page.getByLabel('会社名').fill(COMPANY);
    await page.getByLabel('メールアドレス').fill(EMAIL);
    await page.getByLabel('パスワード').fill('short');
    // The browser's own check would stop a short password; the server's answer is what is tested.
    await page.locator('form[action="/signup"]').evaluate((form) => form.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'アカウントを作成' }).click();
    await expect
      .poll(() => page.locator('.field-error').textContent())
      .toBe('パスワードは 10 文字以上にしてください。');
    expect(await page.getByLabel('会社名').inputValue()).toBe(COMPANY);
    expect(await page.getByLabel('メールアドレス').inputValue()).toBe(EMAIL);
    expect(await page.getByLabel('パスワード').inputValue()).toBe('');
    expect(await page.getByLabel('パスワード').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByRole('button', { name: 'アカウントを作成' }).click();
    await page.waitForURL(`${relay.url}/dashboard`);
    await expect.poll(() => main().locator('h1').textContent()).toBe('概要');
    expect(await page.getByRole('status').first().textContent()).toContain('アカウントを作成しました');
    expect(await page.locator('.tenant-name').textContent()).toBe(COMPANY);
    expect(await page.locator('#getting-started').textContent()).toContain('ChatWork の API トークンを登録する');
    expect(await page.locator('.main-nav [aria-current="page"]').textContent()).toBe('概要');
  });

  it('connects ChatWork: a rejected token is explained, the accepted one is only ever shown masked', async () => {
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ChatWork' }).click();
    await page.waitForURL(`${relay.url}/dashboard/chatwork`);
    expect(await main().textContent()).toContain('サービス連携');
    expect(await main().textContent()).toContain('組織管理者');
    expect(await page.locator('.connection').textContent()).toContain('未接続');

    await page.getByLabel('ChatWork API トークン').fill('not-a-real-token');
    await page.getByRole('button', { name: '接続する' }).click();
    await expect
      .poll(() => page.locator('#token-error').textContent())
      .toContain('ChatWork がこの API トークンを受け付けませんでした');
    expect(await page.getByLabel('ChatWork API トークン').inputValue()).toBe('');

    await page.getByLabel('ChatWork API トークン').fill(CHATWORK_TOKEN);
    await page.getByRole('button', { name: '接続する' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('ChatWork を接続しました。');
    const connection = await page.locator('.connection').textContent();
    expect(connection).toContain('接続済み');
    expect(connection).toContain('通知ボット（ID: 3001）');
    expect(connection).toContain('••••••••7f3a');
    expect(await page.content()).not.toContain(CHATWORK_TOKEN);
  });

  it('creates a connection key, shows it once with a copy button, and lists only its hint', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: relay.url });
    await page.getByRole('link', { name: '接続キー' }).first().click();
    await page.waitForURL(`${relay.url}/dashboard/keys`);
    expect(await main().textContent()).toContain('まだ接続キーはありません。');

    await page.getByLabel('ラベル').fill('問い合わせ管理アプリ');
    await page.getByRole('button', { name: '発行する' }).click();
    const shown = page.locator('#new-key');
    await shown.waitFor();
    connectionKey = await shown.inputValue();
    expect(connectionKey).toMatch(/^k2c_[\w-]{40,}$/);
    expect(await page.locator('.new-key').textContent()).toContain('このキーは今しか表示されません');

    const copy = page.getByRole('button', { name: 'コピー' });
    await copy.click();
    await expect.poll(() => page.locator('.copy-status').textContent()).toBe('コピーしました');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(connectionKey);

    const row = page.locator('#keys tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('問い合わせ管理アプリ');
    expect(await row.textContent()).toContain(`…${connectionKey.slice(-4)}`);
    expect(await row.textContent()).toContain('未使用');
    await maybeScreenshot(page, 'dashboard-keys');

    // Shown once: the next visit lists the key without it.
    await page.getByRole('link', { name: '保存しました。一覧に戻る' }).click();
    await page.waitForURL(`${relay.url}/dashboard/keys`);
    expect(await page.content()).not.toContain(connectionKey);
  });

  it('shows a notification sent with that key in the delivery log, delivered, with its details', async () => {
    const response = await fetch(`${relay.url}/v1/notifications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${connectionKey}` },
      body: JSON.stringify(sampleNotification({ appId: '12', recordId: '34' })),
    });
    expect(response.status).toBe(202);
    const { deliveries } = (await response.json()) as { deliveries: { id: string }[] };
    deliveryId = deliveries[0]?.id ?? '';
    const [message] = await chatwork.waitForMessages(1, { roomId: '1001', timeoutMs: 15_000 });

    await page.getByRole('link', { name: '配信ログ' }).first().click();
    await page.waitForURL(`${relay.url}/dashboard/deliveries`);
    const row = page.locator('tbody tr').first();
    await expect
      .poll(
        async () => {
          await page.reload();
          return row.locator('.badge').textContent();
        },
        { timeout: 15_000 },
      )
      .toBe('配信済み');
    const text = await row.textContent();
    expect(text).toContain('アプリ 12 / レコード 34');
    expect(text).toContain('新規問い合わせ');
    expect(text).toContain('1001');
    expect(text).toContain('追加');

    await row.locator('a').first().click();
    await page.waitForURL(`${relay.url}/dashboard/deliveries/${deliveryId}`);
    const details = await main().textContent();
    expect(details).toContain('配信の詳細');
    expect(details).toContain(deliveryId);
    expect(details).toContain(message?.messageId ?? 'missing');
    expect(details).toContain('再送できません');
    expect(await page.getByRole('button', { name: '再送する' }).count()).toBe(0);
  });

  it('draws the overview: usage, ChatWork health, problems and a month of deliveries', async () => {
    const seeded = await seedDeliveryHistory(relay.database.db, await tenantIdOf(relay.database.db, EMAIL), new Date());
    await page.getByRole('link', { name: '概要' }).first().click();
    await page.waitForURL(`${relay.url}/dashboard`);
    expect(await page.locator('#getting-started').count()).toBe(0);
    expect(await page.locator('#plan').textContent()).toContain(`${1 + seeded.thisMonth} / 100 件`);
    expect(await page.locator('#chatwork').textContent()).toContain('接続済み');
    expect(await page.locator('#problems').textContent()).toContain(`${seeded.failed} 件`);
    expect(await page.locator('.chart-svg .bar-delivered').count()).toBeGreaterThan(15);
    expect(await page.locator('.chart-svg .bar-failed').count()).toBe(seeded.failed);
    expect(await page.locator('#chart-summary').textContent()).toMatch(/^過去 30 日で \d+ 件/);
    await maybeScreenshot(page, 'dashboard-overview');

    await page.getByRole('link', { name: /失敗した配信を見る/ }).click();
    await page.waitForURL(/\/dashboard\/deliveries\?status=failed&from=\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByLabel('状態').inputValue()).toBe('failed');
    expect(await page.locator('tbody tr').count()).toBe(seeded.failed);
    expect(await page.locator('tbody').textContent()).toContain('このアカウントはルームに投稿できません');

    await page.goto(`${relay.url}/dashboard/deliveries`);
    await maybeScreenshot(page, 'dashboard-deliveries');
    expect(await page.locator('tbody tr').count()).toBe(50);
    await page.getByRole('link', { name: '次のページ' }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(Math.min(50, 1 + seeded.total - 50));
    expect(await page.getByRole('link', { name: '最初のページ' }).count()).toBe(1);
  });

  it('switches to English with the header’s language switch, and back', async () => {
    await page.getByRole('link', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(new URL(page.url()).search).not.toContain('lang=');
    for (const [path, heading] of [
      ['/dashboard', 'Overview'],
      ['/dashboard/keys', 'Connection keys'],
      ['/dashboard/deliveries', 'Delivery log'],
      ['/dashboard/billing', 'Plans'],
      ['/privacy', 'Privacy policy'],
    ] as const) {
      await page.goto(`${relay.url}${path}`);
      expect(await page.locator('h1').first().textContent()).toBe(heading);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
    }
    expect(await page.locator('main').textContent()).toContain('Stripe');
    await page.goto(`${relay.url}/dashboard/billing`);
    expect(await main().textContent()).toContain('¥3,000');
    expect(await main().textContent()).toContain('Plans cannot be changed online on this service.');

    await page.getByRole('link', { name: '日本語' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await page.locator('h1').textContent()).toBe('料金プラン');
  });

  it('exports the account’s data as a JSON file', async () => {
    await page.getByRole('link', { name: 'アカウント' }).first().click();
    await page.waitForURL(`${relay.url}/dashboard/account`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'JSON をダウンロード' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kintone2chatwork-export-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await readFile(await download.path(), 'utf8');
    const data = JSON.parse(text) as {
      company: { name: string };
      users: { email: string }[];
      connectionKeys: { label: string }[];
      deliveries: { id: string; status: string }[];
    };
    expect(data.company.name).toBe(COMPANY);
    expect(data.users.map((user) => user.email)).toEqual([EMAIL]);
    expect(data.connectionKeys.map((key) => key.label)).toEqual(['問い合わせ管理アプリ']);
    expect(data.deliveries.find((delivery) => delivery.id === deliveryId)?.status).toBe('delivered');
    expect(text).not.toContain(connectionKey);
    expect(text).not.toContain(CHATWORK_TOKEN);
  });

  it('deletes the account: the key is refused at once and the login no longer works', async () => {
    const account = page.locator('#delete');
    expect(await account.textContent()).toContain('30 日後');
    await account.getByLabel('確認のため、パスワードを入力してください').fill(PASSWORD);
    await account.getByRole('button', { name: 'アカウントを削除する' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('アカウントを削除しました');
    expect(await main().textContent()).toMatch(/\d{4}\/\d{2}\/\d{2} 以降に完全に消去されます/);

    const refused = await fetch(`${relay.url}/v1/notifications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${connectionKey}` },
      body: JSON.stringify(sampleNotification({ recordId: '35' })),
    });
    expect(refused.status).toBe(401);

    await page.goto(`${relay.url}/dashboard`);
    await page.waitForURL(`${relay.url}/login`);
    await page.getByLabel('メールアドレス').fill(EMAIL);
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect
      .poll(() => page.locator('#form-errors').textContent())
      .toBe('メールアドレスまたはパスワードが違います。');
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('never broke the Content Security Policy and threw no script error', () => {
    expect(watched.cspViolations).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
  });
});
