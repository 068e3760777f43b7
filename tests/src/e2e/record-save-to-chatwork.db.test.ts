import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChatworkFake, startChatworkFake } from '../chatwork-fake/index';
import { type KintoneSimulator, startKintoneSimulator } from '../kintone-simulator/index';
import {
  builtPluginZip,
  connectAccount,
  launchBrowser,
  startTestRelayServer,
  type TestRelayServer,
} from '../support/index';

const CHATWORK_TOKEN = 'cw-e2e-token';
const ROOM_ID = '2001';
const APP_ID = '7';

/**
 * One notification the whole way: the built plug-in's settings screen stores the key with
 * setProxyConfig, a user saves a record in the kintone simulator, kintone's proxy adds the key
 * and rules, the relay renders and queues the message, a worker posts it to the local ChatWork.
 */
describe('a record save becomes a ChatWork message', () => {
  let chatwork: ChatworkFake;
  let relay: TestRelayServer;
  let kintone: KintoneSimulator;
  let browser: Browser;
  let connectionKey: string;

  beforeAll(async () => {
    chatwork = await startChatworkFake();
    chatwork.addAccount({
      token: CHATWORK_TOKEN,
      accountId: '3001',
      name: '通知用アカウント',
      rooms: [{ roomId: ROOM_ID, name: '営業チーム', type: 'group', role: 'member' }],
    });
    relay = await startTestRelayServer({ chatworkUrl: chatwork.url });
    ({ connectionKey } = await connectAccount(relay.url, CHATWORK_TOKEN));
    kintone = await startKintoneSimulator({
      pluginZip: builtPluginZip(),
      users: [{ code: 'admin', name: '管理者', language: 'ja', isAdmin: true }],
      apps: [
        {
          id: APP_ID,
          name: '問い合わせ管理',
          fields: {
            title: { type: 'SINGLE_LINE_TEXT', code: 'title', label: '件名' },
            detail: { type: 'MULTI_LINE_TEXT', code: 'detail', label: '詳細' },
          },
        },
      ],
    });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await kintone?.close();
    await relay?.close();
    await chatwork?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext();
    await kintone.loginAs(context, 'admin');
    const page = await context.newPage();
    // The settings screen confirms with an alert, as kintone's own plug-in template does.
    page.on('dialog', (dialog) => void dialog.accept());
    return page;
  }

  async function ready(page: Page): Promise<void> {
    await page.waitForFunction(() => (window as { __kintoneSim?: { ready?: boolean } }).__kintoneSim?.ready === true);
  }

  it('configures the plug-in on its settings screen and deploys it', async () => {
    const page = await newPage();
    await page.goto(kintone.urls.pluginSettings(APP_ID));
    await page.getByTestId('relay-url').fill(relay.url);
    await page.getByTestId('connection-key').fill(connectionKey);
    await page.getByTestId('rule-name').fill('新しい問い合わせ');
    await page.getByTestId('rule-event-create').check();
    await page.getByTestId('rule-room-id').fill(ROOM_ID);
    await page
      .getByTestId('rule-template')
      .fill('[info][title]{{$appName}}: {{title}}[/title]{{detail}}\n{{$recordUrl}}[/info]');
    await page.getByTestId('save').click();
    await page.waitForURL(/\/k\/admin\/app\/flow\?app=7/);
    await page.getByTestId('deploy').click();
    await expect.poll(() => kintone.pluginConfig(APP_ID, { deployed: true })?.relayUrl).toBe(relay.url);

    // The key lives only in the proxy settings, never in the config app users can read.
    expect(JSON.stringify(kintone.pluginConfig(APP_ID, { deployed: true }))).not.toContain(connectionKey);
    const [proxy] = kintone.proxyConfigs(APP_ID, { deployed: true });
    expect(proxy).toMatchObject({
      url: `${relay.url}/v1/notifications`,
      method: 'POST',
      headers: { Authorization: `Bearer ${connectionKey}` },
      data: { appName: '問い合わせ管理', kintoneHost: new URL(kintone.origin).host },
    });
  });

  it('delivers the rendered message, with the record’s values, to the ChatWork room', async () => {
    const page = await newPage();
    await page.goto(kintone.urls.create(APP_ID));
    await ready(page);
    await page.getByLabel('件名').fill('10台の見積もり依頼');
    await page.getByLabel('詳細').fill('来週までに [To:1] お願いします');
    await page.getByTestId('save').click();

    const [message] = await chatwork.waitForMessages(1, { roomId: ROOM_ID, timeoutMs: 15_000 });
    const [record] = kintone.records(APP_ID);
    const recordId = String(record?.$id?.value);
    expect(message?.body).toBe(
      `[info][title]問い合わせ管理: 10台の見積もり依頼[/title]来週までに ［To:1] お願いします\n` +
        `${kintone.origin}/k/${APP_ID}/show#record=${recordId}[/info]`,
    );
    expect(message?.token).toBe(CHATWORK_TOKEN);

    // The relay answered the proxy with 202 and the delivery id; its status is now final.
    const forwarded = kintone.proxyLog().find((entry) => entry.url === `${relay.url}/v1/notifications`);
    expect(forwarded?.status).toBe(202);
    expect(forwarded?.requestHeaders.authorization ?? forwarded?.requestHeaders.Authorization).toBe(
      `Bearer ${connectionKey}`,
    );
    const sent = JSON.parse(forwarded?.requestBody ?? '{}') as Record<string, unknown>;
    expect(Object.keys(sent.record as object).sort()).toEqual(['detail', 'title']);
    const { deliveries } = JSON.parse(forwarded?.responseBody ?? '{}') as { deliveries: { id: string }[] };
    // ChatWork has the message a moment before the worker records the outcome.
    const deliveryStatus = async () =>
      (await fetch(`${relay.url}/v1/deliveries/${deliveries[0]?.id}`, {
        headers: { Authorization: `Bearer ${connectionKey}` },
      }).then((response) => response.json())) as Record<string, unknown>;
    await expect
      .poll(deliveryStatus)
      .toMatchObject({ status: 'delivered', attempts: 1, chatworkMessageId: message?.messageId });
  });

  it('turns a wrong key away with 401 and malformed JSON with 400, in the JSON error shape', async () => {
    const wrongKey = await fetch(`${relay.url}/v1/notifications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer k2c_wrong' },
      body: '{}',
    });
    expect(wrongKey.status).toBe(401);
    expect(await wrongKey.json()).toMatchObject({ error: { code: 'unauthorized', message: expect.any(String) } });

    const malformed = await fetch(`${relay.url}/v1/notifications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${connectionKey}` },
      body: '{"event":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({
      error: { code: 'invalid_request', message: 'The request body is not valid JSON' },
    });
  });
});
