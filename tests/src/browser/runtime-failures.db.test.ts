import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeMessages } from '../../../plugin/src/i18n/messages';
import { refusedUrl } from '../kintone-simulator/testing/http-receiver';
import { createConnectionKey, revokeConnectionKey } from '../support/index';
import { ACTION, STATUS } from './runtime/inquiry-app';
import { createRecord, gotoReady, notices, notificationCalls, waitForNotice, waitReady } from './runtime/pages';
import { rule } from './runtime/rules';
import { setUpRuntimeSuite } from './runtime/runtime-suite';
import { type SilentServer, startSilentServer } from './runtime/silent-server';

const createRule = () => rule({ events: ['create', 'edit', 'status'], template: '{{title}} {{$recordUrl}}' });

/**
 * When the notification cannot be sent the save still completes at once, and the user reads why in
 * their kintone language, on the screen kintone shows next.
 */
describe('a failed notification never blocks the save and tells the user why', () => {
  const suite = setUpRuntimeSuite();
  let silent: SilentServer;
  let downUrl: string;

  beforeAll(async () => {
    silent = await startSilentServer();
    downUrl = await refusedUrl();
  });
  afterAll(async () => {
    await silent?.close();
  });

  const savedTitles = (appId: string) => suite.sim.records(appId).map((record) => record.title?.value);

  describe.each([
    { user: 'sato', language: 'ja' },
    { user: 'smith', language: 'en' },
  ] as const)('for a user whose kintone language is $language', ({ user, language }) => {
    const text = noticeMessages[language];

    it('a revoked connection key: the 401 notice', async () => {
      const { sim, relay, account } = suite;
      const issued = await createConnectionKey(relay.url, account.cookie, `revoked ${language}`);
      const appId = suite.addApp({ rules: [createRule()], connectionKey: issued.key });
      await revokeConnectionKey(relay.url, account.cookie, issued.id);
      const page = await suite.openPage(user);

      await createRecord(page, suite.sim, appId, `取り消されたキー ${language}`);
      expect(await waitForNotice(page)).toEqual({ type: 'ERROR', message: text.unauthorized });
      expect(notificationCalls(sim, appId).map((call) => call.entry.status)).toEqual([401]);
      expect(savedTitles(appId)).toContain(`取り消されたキー ${language}`);
      // Shown once: the next screen does not repeat it.
      await page.reload();
      await waitReady(page);
      expect(await notices(page)).toEqual([]);
    });

    it('the relay is down: the network notice, and the create screen still moves on', async () => {
      const { sim } = suite;
      const appId = suite.addApp({ rules: [createRule()], relayUrl: downUrl });
      const page = await suite.openPage(user);

      await createRecord(page, suite.sim, appId, `relay down ${language}`);
      expect(await waitForNotice(page)).toEqual({ type: 'ERROR', message: text.network });
      expect(notificationCalls(sim, appId).map((call) => call.entry.status)).toEqual([0]);
      expect(savedTitles(appId)).toContain(`relay down ${language}`);
    });

    it('the relay never answers: the timeout notice after about 5 s, and the save completes', async () => {
      const { sim } = suite;
      const appId = suite.addApp({ rules: [createRule()], relayUrl: silent.url });
      const page = await suite.openPage(user);
      await gotoReady(page, sim.urls.create(appId));
      await page.getByLabel('件名').fill(`no answer ${language}`);

      const started = Date.now();
      await page.getByTestId('save').click();
      await page.waitForURL(sim.urls.detail(appId, 2), { timeout: 15_000 });
      const waited = Date.now() - started;
      await waitReady(page);

      expect(waited).toBeGreaterThanOrEqual(4_500);
      expect(waited).toBeLessThan(9_000);
      expect(await waitForNotice(page)).toEqual({ type: 'ERROR', message: text.timeout(5) });
      expect(savedTitles(appId)).toContain(`no answer ${language}`);
      expect(silent.connections()).toBeGreaterThan(0);
    });
  });

  it('inline edit with the relay down: the notice on the list, the row saved', async () => {
    const { sim } = suite;
    const appId = suite.addApp({ rules: [createRule()], relayUrl: downUrl });
    const page = await suite.openPage('sato');
    await gotoReady(page, sim.urls.index(appId));
    await page.getByTestId('inline-edit-1').click();
    await page.getByLabel('件名').fill('一覧から保存');
    await page.getByTestId('inline-save').click();

    expect(await waitForNotice(page)).toEqual({ type: 'ERROR', message: noticeMessages.ja.network });
    await page.getByTestId('inline-edit-1').waitFor();
    expect(page.url()).toBe(sim.urls.index(appId));
    expect(savedTitles(appId)).toEqual(['一覧から保存']);
    // The notice belonged to the list: opening a record right after does not show it again.
    await page.getByTestId('open-1').click();
    await page.waitForURL(sim.urls.detail(appId, 1));
    await waitReady(page);
    expect(await notices(page)).toEqual([]);
  });

  it('a status action with the relay down still changes the status, then shows the notice', async () => {
    const { sim } = suite;
    const appId = suite.addApp({ rules: [createRule()], relayUrl: downUrl });
    const page = await suite.openPage('smith');
    await gotoReady(page, sim.urls.detail(appId, 1));
    await page.getByTestId(`action-${ACTION.start}`).click();
    await page.waitForFunction(
      (status) => document.querySelector('[data-testid="status"]')?.textContent === status,
      STATUS.doing,
    );
    await waitReady(page);

    expect(await waitForNotice(page)).toEqual({ type: 'ERROR', message: noticeMessages.en.network });
    expect(sim.records(appId)[0]?.ステータス?.value).toBe(STATUS.doing);
  });

  it('a kintone without showNotification gets the plug-in’s own banner instead', async () => {
    const appId = suite.addApp({ rules: [createRule()], relayUrl: downUrl });
    const page = await suite.openPage('sato');
    // As on kintone versions before 2025-07: the API is simply not there.
    await page.addInitScript(() => {
      let current: unknown;
      Object.defineProperty(window, 'kintone', {
        configurable: true,
        get: () => current,
        set: (next: { showNotification?: unknown }) => {
          next.showNotification = undefined;
          current = next;
        },
      });
    });
    await createRecord(page, suite.sim, appId, 'old kintone');

    const banner = page.locator('#k2c-notice');
    await expect(banner.getAttribute('role')).resolves.toBe('alert');
    await expect(banner.locator('.k2c-notice-text').textContent()).resolves.toBe(noticeMessages.ja.network);
    expect(await notices(page)).toEqual([]);
    await banner.getByRole('button', { name: '閉じる' }).click();
    await expect(banner.count()).resolves.toBe(0);
  });

  it('mobile: the notice uses the mobile notification, on the mobile detail screen', async () => {
    const { sim, relay, account } = suite;
    const issued = await createConnectionKey(relay.url, account.cookie, 'revoked mobile');
    const appId = suite.addApp({ rules: [createRule()], connectionKey: issued.key });
    await revokeConnectionKey(relay.url, account.cookie, issued.id);
    const page = await suite.openPage('smith');
    await gotoReady(page, sim.urls.mobileCreate(appId));
    await page.getByLabel('件名').fill('mobile with a revoked key');
    await page.getByTestId('save').click();
    await page.waitForURL(sim.urls.mobileDetail(appId, 2));
    await waitReady(page);

    expect(await waitForNotice(page)).toEqual({ type: 'ERROR', message: noticeMessages.en.unauthorized });
    expect(savedTitles(appId)).toContain('mobile with a revoked key');
  });
});
