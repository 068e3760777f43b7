import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatworkFake, startChatworkFake } from '../chatwork-fake/index';
import { launchBrowser, startTestRelayServer, type TestRelayServer } from '../support/index';
import { openWatchedPage, type WatchedPage } from './helpers';

const PASSWORD = 'a long passphrase without scripts';

/**
 * Every action works with JavaScript turned off: the script only adds comforts (copy button,
 * confirm prompts), so the forms and the server's own confirmation pages carry the whole flow.
 */
describe('the dashboard with JavaScript turned off', () => {
  let chatwork: ChatworkFake;
  let relay: TestRelayServer;
  let browser: Browser;
  let watched: WatchedPage;
  let page: Page;

  beforeAll(async () => {
    chatwork = await startChatworkFake();
    chatwork.addAccount({ token: 'cw-no-script', accountId: '3002', name: '通知係', rooms: [] });
    relay = await startTestRelayServer({ chatworkUrl: chatwork.url });
    browser = await launchBrowser();
    watched = await openWatchedPage(browser, { javaScriptEnabled: false, locale: 'en-US' });
    page = watched.page;
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await relay?.close();
    await chatwork?.close();
  });

  it('signs up, connects ChatWork and creates a key, in the browser’s language (English)', async () => {
    await page.goto(`${relay.url}/signup`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByLabel('Company name').fill('No Script Ltd.');
    await page.getByLabel('E-mail address').fill('owner@no-script.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(/\/dashboard\?notice=welcome$/);
    expect(await page.getByRole('status').first().textContent()).toBe(
      'Your account is ready. Start by connecting ChatWork.',
    );

    await page.goto(`${relay.url}/dashboard/chatwork`);
    await page.getByLabel('ChatWork API token').fill('cw-no-script');
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.waitForURL(/notice=chatwork_connected/);

    await page.goto(`${relay.url}/dashboard/keys`);
    await page.getByLabel('Label').fill('Sales');
    await page.getByRole('button', { name: 'Create key' }).click();
    expect(await page.locator('#new-key').inputValue()).toMatch(/^k2c_/);
    // Without the script there is nothing a copy button could do, so none is shown.
    expect(await page.getByRole('button', { name: 'Copy' }).isVisible()).toBe(false);
  });

  it('revokes a key through the server’s confirmation page', async () => {
    await page.goto(`${relay.url}/dashboard/keys`);
    await page.getByRole('button', { name: 'Revoke: Sales' }).click();
    await page.waitForURL(/\/dashboard\/keys\/[0-9a-f-]+\/revoke$/);
    expect(await page.locator('h1').textContent()).toBe('Revoke a connection key');
    expect(await page.locator('main').textContent()).toContain('Revoke the connection key “Sales”?');
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.waitForURL(/\/dashboard\/keys\?notice=key_revoked$/);
    expect(await page.locator('main').textContent()).toContain('No connection keys yet.');
  });

  it('switches the language and logs out with plain links and forms', async () => {
    await page.getByRole('link', { name: '日本語' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ja');
    expect(await page.locator('h1').textContent()).toBe('接続キー');
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.waitForURL(/\/login\?notice=logged_out$/);
    expect(await page.getByRole('status').first().textContent()).toBe('ログアウトしました。');
  });

  it('logs back in to the page it was going to, and deletes the account with the password alone', async () => {
    await page.goto(`${relay.url}/dashboard/account`);
    await page.waitForURL(/\/login\?next=%2Fdashboard%2Faccount$/);
    await page.getByLabel('メールアドレス').fill('owner@no-script.example');
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL(`${relay.url}/dashboard/account`);
    await page.getByLabel('確認のため、パスワードを入力してください').fill(PASSWORD);
    await page.getByRole('button', { name: 'アカウントを削除する' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('アカウントを削除しました');
  });

  it('broke no Content Security Policy rule', () => {
    expect(watched.cspViolations).toEqual([]);
    expect(watched.pageErrors).toEqual([]);
  });
});
