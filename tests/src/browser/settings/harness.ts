import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type ChatworkFake, startChatworkFake } from '../../chatwork-fake/index';
import { type KintoneSimulator, type SimApp, startKintoneSimulator } from '../../kintone-simulator/index';
import {
  builtPluginZip,
  connectAccount,
  launchBrowser,
  startTestRelayServer,
  type TestRelayServer,
} from '../../support/index';

export const CHATWORK_TOKEN = 'cw-settings-token';
export const CHATWORK_ACCOUNT = { accountId: '3001', name: '通知ボット' };
export const ROOMS = {
  sales: { roomId: '2001', name: '営業チーム', type: 'group', role: 'member' },
  support: { roomId: '2002', name: 'サポート窓口', type: 'group', role: 'admin' },
  announcements: { roomId: '2003', name: '全社お知らせ', type: 'group', role: 'readonly' },
  mine: { roomId: '2004', name: 'マイチャット', type: 'my', role: 'admin' },
} as const;

/** Simulator users: a Japanese and an English app administrator. */
export const USERS = [
  { code: 'admin', name: '管理者', language: 'ja' as const, isAdmin: true },
  { code: 'alice', name: 'Alice', language: 'en' as const, isAdmin: true },
];

/** An inquiries app with the field types the editor treats differently, and two records. */
export function inquiryApp(id: string, overrides: Partial<SimApp> = {}): SimApp {
  return {
    id,
    name: '問い合わせ管理',
    fields: {
      title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' },
      detail: { type: 'MULTI_LINE_TEXT', code: 'detail', label: '詳細' },
      priority: { type: 'DROP_DOWN', code: 'priority', label: '優先度', options: ['高', '中', '低'] },
      amount: { type: 'NUMBER', code: 'amount', label: '金額' },
      owner: { type: 'USER_SELECT', code: 'owner', label: '担当者' },
      items: {
        type: 'SUBTABLE',
        code: 'items',
        label: '明細',
        fields: { qty: { type: 'NUMBER', code: 'qty', label: '数量' } },
      },
    },
    records: [
      { title: { value: '古い問い合わせ' }, priority: { value: '低' } },
      {
        title: { value: '見積もり依頼（最新）' },
        detail: { value: '10台分の見積もりをお願いします' },
        priority: { value: '高' },
        amount: { value: '500000' },
        owner: { value: [{ code: 'admin', name: '管理者' }] },
      },
    ],
    ...overrides,
  };
}

export interface SettingsHarness {
  chatwork: ChatworkFake;
  relay: TestRelayServer;
  kintone: KintoneSimulator;
  browser: Browser;
  connectionKey: string;
  /** A connection key of a second company that has not connected ChatWork. */
  keyWithoutChatwork(): Promise<string>;
  /** A fresh app id (so every test starts from unsaved settings). */
  addApp(overrides?: Partial<SimApp>): string;
  /** Opens the plug-in settings screen of an app as a user, waiting until the rule editor is drawn. */
  openSettings(
    appId: string,
    user?: string,
  ): Promise<{ page: Page; context: BrowserContext; dialogs: string[]; pageErrors: Error[] }>;
}

/** One ChatWork fake, relay, kintone simulator (running the real plugin.zip) and browser per test file. */
export function setUpSettingsHarness(): SettingsHarness {
  let started: Omit<SettingsHarness, 'addApp' | 'openSettings' | 'keyWithoutChatwork'> | undefined;
  let nextApp = 10;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const chatwork = await startChatworkFake();
    chatwork.addAccount({
      token: CHATWORK_TOKEN,
      ...CHATWORK_ACCOUNT,
      rooms: Object.values(ROOMS).map((room) => ({ ...room })),
    });
    const relay = await startTestRelayServer({ chatworkUrl: chatwork.url });
    const { connectionKey } = await connectAccount(relay.url, CHATWORK_TOKEN);
    const kintone = await startKintoneSimulator({ pluginZip: builtPluginZip(), users: USERS, apps: [] });
    const browser = await launchBrowser();
    started = { chatwork, relay, kintone, browser, connectionKey };
  }, 60_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await started?.browser.close();
    await started?.kintone.close();
    await started?.relay.close();
    await started?.chatwork.close();
  });

  const get = () => {
    if (!started) throw new Error('The settings harness is not started (use it inside tests)');
    return started;
  };

  return {
    get chatwork() {
      return get().chatwork;
    },
    get relay() {
      return get().relay;
    },
    get kintone() {
      return get().kintone;
    },
    get browser() {
      return get().browser;
    },
    get connectionKey() {
      return get().connectionKey;
    },
    async keyWithoutChatwork() {
      const { relay } = get();
      const json = { 'Content-Type': 'application/json' };
      const signup = await fetch(`${relay.url}/api/signup`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          email: `nochatwork-${randomBytes(4).toString('hex')}@example.com`,
          password: 'a long enough passphrase',
          companyName: 'ChatWork 未接続株式会社',
        }),
      });
      if (signup.status !== 201) throw new Error(`signup → ${signup.status}: ${await signup.text()}`);
      const cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const key = await fetch(`${relay.url}/api/connection-keys`, {
        method: 'POST',
        headers: { ...json, Cookie: cookie },
        body: JSON.stringify({ label: 'kintone' }),
      });
      if (key.status !== 201) throw new Error(`connection key → ${key.status}: ${await key.text()}`);
      return ((await key.json()) as { key: string }).key;
    },
    addApp(overrides = {}) {
      const id = String(nextApp++);
      get().kintone.addApp(inquiryApp(id, overrides));
      return id;
    },
    async openSettings(appId, user = 'admin') {
      const { browser, kintone } = get();
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      await kintone.loginAs(context, user);
      const page = await context.newPage();
      const dialogs: string[] = [];
      // The only alert is the "saved, now Update App" message, as in kintone's own plug-in template.
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.accept();
      });
      const pageErrors: Error[] = [];
      page.on('pageerror', (error) => pageErrors.push(error));
      await page.goto(kintone.urls.pluginSettings(appId));
      await page.locator('[data-testid="rule-editor"], [data-testid="editor-empty"]').first().waitFor();
      return { page, context, dialogs, pageErrors };
    },
  };
}
