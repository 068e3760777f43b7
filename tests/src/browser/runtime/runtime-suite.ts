import { setTimeout as sleep } from 'node:timers/promises';
import type { Rule } from '@k2c/rules';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { writePluginConfig } from '../../../../plugin/src/config/plugin-config';
import { type ChatworkFake, startChatworkFake } from '../../chatwork-fake/index';
import { type KintoneSimulator, type SimApp, startKintoneSimulator } from '../../kintone-simulator/index';
import {
  builtPluginZip,
  type ConnectedAccount,
  connectAccount,
  launchBrowser,
  startTestRelayServer,
  type TestRelayServer,
} from '../../support/index';
import { APP_NAME, inquiryApp, USERS } from './inquiry-app';
import { ROOM_ID } from './rules';

export const CHATWORK_TOKEN = 'cw-runtime-token';
/** Bound on leaving and closing a test's pages after it. */
const CLOSE_MS = 10_000;

export type UserCode = 'admin' | 'sato' | 'smith' | 'alice';

export interface AppOptions {
  rules: Rule[];
  /** Changes to the inquiry app (guest space, permissions…). */
  app?: Partial<SimApp>;
  /** Where the seeded settings point the plug-in; default the suite's relay. */
  relayUrl?: string;
  /** Default the suite's connection key. */
  connectionKey?: string;
  /** A kintone API token in the stored proxy data (authoritative values); default none. */
  kintoneApiToken?: string;
  /** The stored kintoneHost; default the simulator's host. */
  kintoneHost?: string;
}

export interface RuntimeSuite {
  readonly sim: KintoneSimulator;
  readonly relay: TestRelayServer;
  readonly chatwork: ChatworkFake;
  readonly browser: Browser;
  readonly account: ConnectedAccount;
  /** A fresh inquiry app with plug-in settings as an admin saved and deployed them; returns its id. */
  addApp(options: AppOptions): string;
  /** A new browser context logged in as `user`; closed after the test. */
  openPage(user: UserCode): Promise<Page>;
}

interface Started {
  sim: KintoneSimulator;
  relay: TestRelayServer;
  chatwork: ChatworkFake;
  browser: Browser;
  account: ConnectedAccount;
}

/**
 * One ChatWork fake, one real relay (with its own test database), one kintone simulator running the
 * built plugin.zip and one Chromium per test file; a fresh app per test. Each test fails when a page
 * threw or a kintone event handler failed, since the plug-in must never break kintone's screens.
 */
export function setUpRuntimeSuite(options: { relayEnv?: Record<string, string> } = {}): RuntimeSuite {
  let started: Started | undefined;
  let nextAppId = 100;
  let contexts: BrowserContext[] = [];
  let pageProblems: string[] = [];

  beforeAll(async () => {
    const chatwork = await startChatworkFake();
    chatwork.addAccount({
      token: CHATWORK_TOKEN,
      accountId: '3001',
      name: '通知用アカウント',
      rooms: [{ roomId: ROOM_ID, name: '営業チーム', type: 'group', role: 'member' }],
    });
    const [relay, sim, browser] = await Promise.all([
      startTestRelayServer({
        chatworkUrl: chatwork.url,
        ...(options.relayEnv ? { env: options.relayEnv } : {}),
      }),
      startKintoneSimulator({ pluginZip: builtPluginZip(), users: USERS }),
      launchBrowser(),
    ]);
    const account = await connectAccount(relay.url, CHATWORK_TOKEN);
    started = { chatwork, relay, sim, browser, account };
  });

  afterAll(async () => {
    await started?.browser.close();
    await started?.sim.close();
    await started?.relay.close();
    await started?.chatwork.close();
  });

  beforeEach(() => {
    get().chatwork.reset();
    pageProblems = [];
  });

  afterEach(async () => {
    const closing = contexts;
    contexts = [];
    // A save on the desktop edit screen ends with kintone's reload of the detail screen (a hash change),
    // which can still be starting when a test ends; closing a context while that navigation commits
    // sometimes never finishes in Chromium. So every page leaves first, and a context that still does not
    // close within CLOSE_MS is left to browser.close() in afterAll rather than failing the test.
    await Promise.all(
      closing.map(async (context) => {
        await Promise.all(
          context.pages().map((page) => page.goto('about:blank', { timeout: CLOSE_MS }).catch(() => undefined)),
        );
        await Promise.race([context.close(), sleep(CLOSE_MS, undefined, { ref: false })]);
      }),
    );
    expect(pageProblems, 'errors on kintone pages').toEqual([]);
  });

  const get = (): Started => {
    if (!started) throw new Error('The runtime suite is not started (use it inside tests)');
    return started;
  };

  return {
    get sim() {
      return get().sim;
    },
    get relay() {
      return get().relay;
    },
    get chatwork() {
      return get().chatwork;
    },
    get browser() {
      return get().browser;
    },
    get account() {
      return get().account;
    },
    addApp(appOptions) {
      const { sim, relay, account } = get();
      const appId = String(nextAppId++);
      sim.addApp(inquiryApp(appId, appOptions.app));
      seedSettings(sim, appId, {
        rules: appOptions.rules,
        relayUrl: appOptions.relayUrl ?? relay.url,
        connectionKey: appOptions.connectionKey ?? account.connectionKey,
        ...(appOptions.kintoneApiToken !== undefined && { kintoneApiToken: appOptions.kintoneApiToken }),
        ...(appOptions.kintoneHost !== undefined && { kintoneHost: appOptions.kintoneHost }),
      });
      return appId;
    },
    async openPage(user) {
      const { sim, browser } = get();
      const context = await browser.newContext();
      contexts.push(context);
      await sim.loginAs(context, user);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        // The simulator reports failed handlers and failed screens this way.
        if (message.type() === 'error' && message.text().startsWith('[kintone simulator]')) {
          pageProblems.push(message.text());
        }
      });
      return page;
    },
  };
}

/**
 * The settings exactly as the settings screen writes them: the plug-in's own codec for setConfig, and
 * the one proxy entry (full notifications URL, POST) with the key, rules, kintone host, app name and,
 * when given, the kintone API token.
 */
export function seedSettings(
  sim: KintoneSimulator,
  appId: string,
  settings: { rules: Rule[]; relayUrl: string; connectionKey: string; kintoneApiToken?: string; kintoneHost?: string },
): void {
  const ruleSet = { version: 1 as const, rules: settings.rules };
  sim.seedPluginSettings(appId, {
    config: writePluginConfig({ relayUrl: settings.relayUrl, ruleSet, appName: APP_NAME }),
    proxy: [
      {
        url: `${settings.relayUrl}/v1/notifications`,
        method: 'POST',
        headers: { Authorization: `Bearer ${settings.connectionKey}` },
        data: {
          rules: JSON.stringify(ruleSet),
          kintoneHost: settings.kintoneHost ?? new URL(sim.origin).host,
          appName: APP_NAME,
          ...(settings.kintoneApiToken !== undefined && { kintoneApiToken: settings.kintoneApiToken }),
        },
      },
    ],
  });
}
