import { describe, expect, it } from 'vitest';
import { settingsMessages } from '../../../plugin/src/i18n/settings-messages';
import { newApiToken, openSettings, saveAndDeploy } from './authoritative/helpers';
import { APP_NAME } from './runtime/inquiry-app';
import { gotoReady, notificationCalls } from './runtime/pages';
import { ROOM_ID, rule } from './runtime/rules';
import { setUpRuntimeSuite } from './runtime/runtime-suite';

const WAIT = { roomId: ROOM_ID, timeoutMs: 15_000 };

/**
 * The optional kintone API token on the real settings screen (plugin.zip in the simulator, the real
 * relay, the ChatWork fake): an administrator adds, keeps, replaces and removes it; it lives only in
 * the proxy data, and with it the relay renders what kintone saved.
 */
describe('settings screen: the kintone API token (authoritative values)', () => {
  const suite = setUpRuntimeSuite();
  const messageRule = () => rule({ events: ['create', 'edit'], template: '{{$event}}: {{title}}（{{priority}}）' });

  it('an administrator adds a token: stored only in the proxy data, masked when reopened, used by the relay', async () => {
    const { sim, relay, chatwork, account } = suite;
    const token = newApiToken();
    const appId = suite.addApp({ app: { apiTokens: [token] }, rules: [messageRule()] });

    const admin = await suite.openPage('admin');
    await openSettings(admin, sim, appId);
    await admin.getByTestId('connection-company').waitFor();
    // The help says what the token does, which permission it needs, where to make it, where it is kept.
    expect(await admin.locator('#kintone-api-token-label').textContent()).toBe('kintone API トークン（任意）');
    const help = `${await admin.locator('#kintone-api-token-help').textContent()} ${await admin
      .locator('#kintone-api-token-where')
      .textContent()}`;
    for (const part of ['kintone から読み直し', 'おすすめ', '「レコード閲覧」', '「アプリの設定」→「API トークン」']) {
      expect(help).toContain(part);
    }
    expect(help).toContain('プロキシ設定にだけ保存');
    expect(await admin.getByTestId('kintone-api-token').getAttribute('type')).toBe('password');
    expect(await admin.getByTestId('stored-token').isVisible()).toBe(false);

    await admin.getByTestId('kintone-api-token').fill(token);
    await saveAndDeploy(admin, sim, appId);

    const config = sim.pluginConfig(appId, { deployed: true }) ?? {};
    expect(Object.keys(config).sort()).toEqual(['appName', 'fields', 'relayUrl', 'rules', 'schemaVersion']);
    expect(JSON.stringify(config)).not.toContain(token);
    expect(sim.proxyConfigs(appId, { deployed: true })).toEqual([
      {
        url: `${relay.url}/v1/notifications`,
        method: 'POST',
        headers: { Authorization: `Bearer ${account.connectionKey}` },
        data: {
          rules: config.rules,
          kintoneHost: new URL(sim.origin).host,
          appName: APP_NAME,
          kintoneApiToken: token,
        },
      },
    ]);

    // Reopened: the token only masked, no input; saving unchanged keeps it.
    await openSettings(admin, sim, appId);
    expect(await admin.getByTestId('stored-token').textContent()).toBe(
      `保存済みのトークン: ••••••••${token.slice(-4)}`,
    );
    expect(await admin.getByTestId('kintone-api-token').isVisible()).toBe(false);
    expect(await admin.locator('#k2c-settings').textContent()).not.toContain(token);
    await admin.getByTestId('connection-company').waitFor();
    await saveAndDeploy(admin, sim, appId);
    expect(sim.proxyConfigs(appId, { deployed: true })[0]?.data.kintoneApiToken).toBe(token);

    // A user saves a record: the relay gets the stored token from kintone's proxy, and the message
    // shows the saved values.
    const page = await suite.openPage('sato');
    await gotoReady(page, sim.urls.create(appId));
    await page.getByLabel('件名').fill('トークンありの問い合わせ');
    await page.getByLabel('優先度').selectOption('中');
    await page.getByTestId('save').click();
    await page.waitForURL(sim.urls.detail(appId, 2));
    const [message] = await chatwork.waitForMessages(1, WAIT);
    expect(message?.body).toBe('新規作成: トークンありの問い合わせ（中）');
    const [call] = notificationCalls(sim, appId);
    expect(call?.entry.status).toBe(202);
    expect(call?.body.kintoneApiToken).toBe(token);
  });

  it('refuses a token with characters kintone never uses, next to the input, and saves nothing', async () => {
    const { sim } = suite;
    const appId = suite.addApp({ rules: [messageRule()] });
    const before = { config: sim.pluginConfig(appId), proxy: sim.proxyConfigs(appId) };
    const admin = await suite.openPage('admin');
    await openSettings(admin, sim, appId);
    await admin.getByTestId('connection-company').waitFor();

    for (const bad of ['abc-123 def', 'ＡＢＣ１２３', `${newApiToken()},${newApiToken()}`]) {
      await admin.getByTestId('kintone-api-token').fill(bad);
      await admin.getByTestId('save').click();
      await expect
        .poll(() => admin.getByTestId('kintone-api-token-error').textContent())
        .toBe(settingsMessages.ja.errors.apiTokenInvalid);
      await expect.poll(() => admin.evaluate(() => document.activeElement?.id)).toBe('kintone-api-token');
      expect(await admin.getByTestId('kintone-api-token').getAttribute('aria-invalid')).toBe('true');
    }
    expect(sim.pluginConfig(appId)).toEqual(before.config);
    expect(sim.proxyConfigs(appId)).toEqual(before.proxy);
    // Typing again clears the message; a kintone-shaped token saves.
    const token = newApiToken();
    await admin.getByTestId('kintone-api-token').fill(` ${token} `);
    expect(await admin.getByTestId('kintone-api-token-error').isVisible()).toBe(false);
    await saveAndDeploy(admin, sim, appId);
    expect(sim.proxyConfigs(appId)[0]?.data.kintoneApiToken).toBe(token);
  });

  it('speaks English to an English-speaking administrator', async () => {
    const { sim } = suite;
    const appId = suite.addApp({ rules: [messageRule()], kintoneApiToken: newApiToken() });
    const admin = await suite.openPage('alice');
    await openSettings(admin, sim, appId);
    const en = settingsMessages.en;
    expect(await admin.locator('#kintone-api-token-label').textContent()).toBe('kintone API token (optional)');
    expect(await admin.locator('#kintone-api-token-help').textContent()).toBe(en.apiTokenHelp);
    expect(await admin.locator('#kintone-api-token-where').textContent()).toBe(en.apiTokenWhere);
    expect(await admin.getByTestId('stored-token').textContent()).toMatch(/^Stored token: ••••••••[0-9a-f]{4}$/);
    expect(await admin.getByTestId('replace-token').textContent()).toBe('Replace token');
    expect(await admin.getByTestId('remove-token').textContent()).toBe('Remove token');
    await admin.getByTestId('replace-token').click();
    expect(await admin.locator('#kintone-api-token-label').textContent()).toBe('New kintone API token');
    await admin.getByTestId('kintone-api-token').fill('not a token');
    await admin.getByTestId('save').click();
    await expect
      .poll(() => admin.getByTestId('kintone-api-token-error').textContent())
      .toBe(
        'A kintone API token has letters and digits only (usually 40). Check for spaces, commas or other characters.',
      );
  });

  it('replacing: an empty input keeps the stored token, a typed one replaces it', async () => {
    const { sim } = suite;
    const [first, second] = [newApiToken(), newApiToken()];
    const appId = suite.addApp({ rules: [messageRule()], kintoneApiToken: first });
    const admin = await suite.openPage('admin');
    await openSettings(admin, sim, appId);
    await admin.getByTestId('connection-company').waitFor();

    await admin.getByTestId('replace-token').click();
    await expect.poll(() => admin.evaluate(() => document.activeElement?.id)).toBe('kintone-api-token');
    expect(await admin.locator('#kintone-api-token-label').textContent()).toBe('新しい kintone API トークン');
    expect(await admin.locator('#new-token-help').textContent()).toBe(
      '空欄のままにすると、保存済みのトークンを使います。',
    );
    // "Keep the stored token" goes back; an empty input on Save keeps it too.
    await admin.getByTestId('kintone-api-token').fill('half typed');
    await admin.getByTestId('keep-token').click();
    expect(await admin.getByTestId('stored-token').textContent()).toBe(
      `保存済みのトークン: ••••••••${first.slice(-4)}`,
    );
    await admin.getByTestId('replace-token').click();
    expect(await admin.getByTestId('kintone-api-token').inputValue()).toBe('');
    await saveAndDeploy(admin, sim, appId);
    expect(sim.proxyConfigs(appId)[0]?.data.kintoneApiToken).toBe(first);

    await openSettings(admin, sim, appId);
    await admin.getByTestId('connection-company').waitFor();
    await admin.getByTestId('replace-token').click();
    await admin.getByTestId('kintone-api-token').fill(second);
    await saveAndDeploy(admin, sim, appId);
    expect(sim.proxyConfigs(appId, { deployed: true })[0]?.data.kintoneApiToken).toBe(second);
    expect(JSON.stringify(sim.pluginConfig(appId, { deployed: true }))).not.toContain(second);
  });

  it('removing the token writes the proxy entry without it, and messages use the browser values again', async () => {
    const { sim, relay, chatwork, account } = suite;
    const token = newApiToken();
    const appId = suite.addApp({ app: { apiTokens: [token] }, rules: [messageRule()], kintoneApiToken: token });
    const admin = await suite.openPage('admin');
    await openSettings(admin, sim, appId);
    await admin.getByTestId('connection-company').waitFor();

    // "Remove" can be undone until Save.
    await admin.getByTestId('remove-token').click();
    expect(await admin.getByTestId('token-removed').textContent()).toBe(settingsMessages.ja.apiTokenRemoved);
    expect(await admin.getByTestId('stored-token').isVisible()).toBe(false);
    expect(await admin.getByTestId('kintone-api-token').isVisible()).toBe(false);
    await expect.poll(() => admin.evaluate(() => document.activeElement?.id)).toBe('undo-remove-token');
    await admin.getByTestId('undo-remove-token').click();
    expect(await admin.getByTestId('stored-token').isVisible()).toBe(true);
    await expect.poll(() => admin.evaluate(() => document.activeElement?.id)).toBe('remove-token');

    await admin.getByTestId('remove-token').click();
    await saveAndDeploy(admin, sim, appId);
    const config = sim.pluginConfig(appId, { deployed: true }) ?? {};
    expect(sim.proxyConfigs(appId, { deployed: true })).toEqual([
      {
        url: `${relay.url}/v1/notifications`,
        method: 'POST',
        headers: { Authorization: `Bearer ${account.connectionKey}` },
        data: { rules: config.rules, kintoneHost: new URL(sim.origin).host, appName: APP_NAME },
      },
    ]);

    // Reopened: no stored token, an empty input.
    await openSettings(admin, sim, appId);
    expect(await admin.getByTestId('stored-token').isVisible()).toBe(false);
    expect(await admin.getByTestId('kintone-api-token').isVisible()).toBe(true);
    expect(await admin.getByTestId('kintone-api-token').inputValue()).toBe('');

    const page = await suite.openPage('sato');
    await gotoReady(page, sim.urls.edit(appId, 1));
    await page.getByLabel('件名').fill('トークンなしで編集');
    await page.getByTestId('save').click();
    await page.waitForURL(sim.urls.detail(appId, 1));
    const [message] = await chatwork.waitForMessages(1, WAIT);
    expect(message?.body).toBe('編集: トークンなしで編集（低）');
    expect(notificationCalls(sim, appId)[0]?.body).not.toHaveProperty('kintoneApiToken');
  });
});
