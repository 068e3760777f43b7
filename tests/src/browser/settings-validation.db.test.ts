import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOMS, setUpSettingsHarness } from './settings/harness';
import { connect, expectFocused, focusedId, readProxyKey, tabTo } from './settings/steps';

/** Inline validation, Cancel, key replacement and keyboard use of the settings screen. */
describe('plug-in settings screen: validation and keyboard', () => {
  const harness = setUpSettingsHarness();

  /** A screen with a valid first rule; the test then breaks one thing and saves. */
  async function validScreen(
    key = harness.connectionKey,
    relayUrl = harness.relay.url,
  ): Promise<{ page: Page; appId: string }> {
    const appId = harness.addApp();
    const { page } = await harness.openSettings(appId, 'admin');
    await page.getByTestId('relay-url').fill(relayUrl);
    await page.getByTestId('connection-key').fill(key);
    await page.getByTestId('rule-name').fill('問い合わせ');
    await page.getByTestId('rule-room-id').fill(ROOMS.sales.roomId);
    await page.getByTestId('rule-template').fill('{{title}} {{$recordUrl}}');
    return { page, appId };
  }

  async function saveAndExpectError(page: Page, appId: string, slot: string, text: string): Promise<void> {
    await page.getByTestId('save').click();
    await expect.poll(() => page.getByTestId(`${slot}-error`).textContent()).toContain(text);
    expect(await page.getByTestId(`${slot}-error`).isVisible()).toBe(true);
    expect(await page.getByTestId('settings-status').textContent()).toBe(
      '入力内容を確認してください。赤字の項目を直すと保存できます。',
    );
    expect(harness.kintone.pluginConfig(appId)).toBeNull();
    expect(harness.kintone.proxyConfigs(appId)).toEqual([]);
  }

  it('saves nothing with a wrong key (401), and says so next to the key', async () => {
    const { page, appId } = await validScreen('k2c_this_key_does_not_exist');
    await saveAndExpectError(page, appId, 'connection-key', '接続キーが正しくないか、取り消されています。');
    await expectFocused(page, 'connection-key');
    expect(await page.getByTestId('connection-key').getAttribute('aria-invalid')).toBe('true');
    // Typing a new key clears the message.
    await page.getByTestId('connection-key').fill(harness.connectionKey);
    expect(await page.getByTestId('connection-key-error').isVisible()).toBe(false);
  });

  it('saves nothing when the relay cannot be reached', async () => {
    const { page, appId } = await validScreen(harness.connectionKey, 'http://127.0.0.1:9');
    await saveAndExpectError(page, appId, 'relay-url', '通知サービスに接続できません。');
    await expectFocused(page, 'relay-url');
    // "Verify connection" says the same in the connection panel.
    await page.getByTestId('verify-connection').click();
    await expect
      .poll(() => page.getByTestId('connection-error').textContent())
      .toBe('通知サービスに接続できません。URL を確認してください。');
  });

  it('rejects a room that is not in the account’s list, and a readonly one', async () => {
    const { page, appId } = await validScreen();
    await page.getByTestId('rule-room-id').fill('9999');
    await saveAndExpectError(
      page,
      appId,
      'rule-room-id',
      'ルーム ID 9999 は、接続している ChatWork アカウントのルームにありません。',
    );
    await expectFocused(page, 'rule-room-id');
    await page.getByTestId('rule-room-id').fill(ROOMS.announcements.roomId);
    await saveAndExpectError(page, appId, 'rule-room-id', '「全社お知らせ」は閲覧のみのため投稿できません。');
  });

  it('rejects a placeholder that is neither a field nor a built-in', async () => {
    const { page, appId } = await validScreen();
    // qty is a sub-table column: not a field of the record the runtime sends.
    await page.getByTestId('rule-template').fill('{{title}} {{nope}} {{qty}} {{$appName}}');
    await saveAndExpectError(
      page,
      appId,
      'rule-template',
      '「{{nope}}」「{{qty}}」はこのアプリのフィールドコードでも組み込みの項目でもありません。',
    );
    await expectFocused(page, 'rule-template');
  });

  it('rejects a rule without an event, and opens the rule with the problem', async () => {
    const { page, appId } = await validScreen();
    await page.getByTestId('rule-event-create').uncheck();
    // A second, valid rule is on screen when Save is pressed.
    await page.getByTestId('add-rule').click();
    await page.getByTestId('rule-room-id').fill(ROOMS.support.roomId);
    await saveAndExpectError(page, appId, 'rule-events', '通知するタイミングを 1 つ以上選んでください。');
    await expectFocused(page, 'rule-event-create');
    expect(await page.getByTestId('rule-name').inputValue()).toBe('問い合わせ');
    expect(await page.getByTestId('rule-row-0-problems').textContent()).toBe('要確認');
    expect(await page.getByTestId('rule-row-1-problems').count()).toBe(0);
  });

  it('checks conditions and mention ids before saving', async () => {
    const { page, appId } = await validScreen();
    await page.getByTestId('add-condition').click();
    await page.getByTestId('rule-condition-0-field').selectOption('title');
    await saveAndExpectError(page, appId, 'rule-condition-0', '値を入力してください。');
    await expectFocused(page, 'rule-condition-0-value');
    await page.locator('#rule-condition-0-value').fill('見積');
    await page.getByTestId('rule-mention-ids').fill('123, abc');
    await saveAndExpectError(
      page,
      appId,
      'rule-mention-ids',
      '「abc」は ChatWork のアカウント ID（数字）ではありません。',
    );
  });

  it('shows the relay’s own objections to the rules, from Preview, next to the control', async () => {
    const { page, appId } = await validScreen();
    await page.getByTestId('rule-room-id').fill('');
    await page.getByTestId('preview-button').click();
    await expect
      .poll(() => page.getByTestId('preview-status').textContent())
      .toBe('ルールに誤りがあるためプレビューできません。赤字の項目を確認してください。');
    await expect
      .poll(() => page.getByTestId('rule-room-id-error').textContent())
      .toBe('通知サービスの確認でエラーになりました（rules[0].roomId: must be a ChatWork room id）。');
    await expectFocused(page, 'rule-room-id');
    expect(harness.kintone.pluginConfig(appId)).toBeNull();
  });

  it('points at "Replace key" when the stored key was revoked', async () => {
    const { kintone, relay } = harness;
    const appId = harness.addApp();
    kintone.seedPluginSettings(appId, {
      config: {
        schemaVersion: '1',
        relayUrl: relay.url,
        rules: '{"version":1,"rules":[]}',
        fields: '[]',
        appName: 'x',
      },
      proxy: [
        {
          url: `${relay.url}/v1/notifications`,
          method: 'POST',
          headers: { Authorization: 'Bearer k2c_revoked_key_0000' },
          data: { rules: '{"version":1,"rules":[]}', kintoneHost: 'example.cybozu.com', appName: 'x' },
        },
      ],
    });
    const { page } = await harness.openSettings(appId, 'admin');
    expect(await page.getByTestId('no-rules').textContent()).toBe(
      'ルールがありません。「ルールを追加」で作成してください。',
    );
    // The automatic check on opening already says so.
    await expect
      .poll(() => page.getByTestId('connection-key-error').textContent())
      .toBe('接続キーが正しくないか、取り消されています。');
    await page.getByTestId('save').click();
    await expectFocused(page, 'replace-key');
    expect(kintone.proxyConfigs(appId)[0]?.headers.Authorization).toBe('Bearer k2c_revoked_key_0000');
  });

  it('leaves everything as it was on Cancel', async () => {
    const { kintone, relay } = harness;
    const appId = harness.addApp();
    const stored = {
      version: 1,
      rules: [
        {
          id: 'r1',
          name: '既存のルール',
          enabled: true,
          events: ['create'],
          roomId: ROOMS.sales.roomId,
          template: '{{title}}',
          conditions: { match: 'all', items: [] },
          changedFields: [],
          mentions: { accountIds: [], toAll: false, userMap: {} },
        },
      ],
    };
    const config = {
      schemaVersion: '1',
      relayUrl: relay.url,
      rules: JSON.stringify(stored),
      fields: '["title"]',
      appName: '問い合わせ管理',
    };
    const proxy = [
      {
        url: `${relay.url}/v1/notifications`,
        method: 'POST',
        headers: { Authorization: `Bearer ${harness.connectionKey}` },
        data: { rules: config.rules, kintoneHost: 'example.cybozu.com', appName: '問い合わせ管理' },
      },
    ];
    kintone.seedPluginSettings(appId, { config, proxy });
    const before = { config: kintone.pluginConfig(appId), proxy: kintone.proxyConfigs(appId) };
    const proxyCalls = kintone.proxyLog().length;

    const { page } = await harness.openSettings(appId, 'admin');
    await page.getByTestId('connection-company').waitFor();
    await page.getByTestId('rule-name').fill('変更したけれど保存しない');
    await page.getByTestId('rule-row-0-delete').click();
    await page.getByTestId('delete-dialog-confirm').click();
    await page.getByTestId('replace-key').click();
    await page.getByTestId('connection-key').fill('k2c_other');
    await page.getByTestId('cancel').click();
    await page.waitForURL(kintone.urls.pluginList(appId));

    expect(kintone.pluginConfig(appId)).toEqual(before.config);
    expect(kintone.proxyConfigs(appId)).toEqual(before.proxy);
    expect(kintone.pluginConfig(appId, { deployed: true })).toEqual(before.config);
    // The screen's only outside calls were the automatic connection check and room list.
    expect(
      kintone
        .proxyLog()
        .slice(proxyCalls)
        .map((entry) => `${entry.method} ${entry.url.replace(relay.url, '')}`),
    ).toEqual(['GET /v1/connection', 'GET /v1/chatwork/rooms']);
  });

  it('keeps the stored key unless it is replaced, and never writes it to the plug-in config', async () => {
    const { kintone, relay, connectionKey } = harness;
    const appId = harness.addApp();
    // Save once with the key, then reopen: the key is stored and masked.
    const { page } = await harness.openSettings(appId, 'admin');
    await connect(page, relay.url, connectionKey);
    await page.getByTestId('rule-room-id').fill(ROOMS.sales.roomId);
    await page.getByTestId('save').click();
    await page.waitForURL(kintone.urls.appSettings(appId));
    expect(readProxyKey(kintone.proxyConfigs(appId)[0])).toBe(connectionKey);
    expect(JSON.stringify(kintone.pluginConfig(appId))).not.toContain(connectionKey);

    // Replaced with another company's key (no ChatWork yet, so no room list to look 2001 up in).
    const otherKey = await harness.keyWithoutChatwork();
    const reopened = (await harness.openSettings(appId, 'admin')).page;
    await reopened.getByTestId('replace-key').click();
    await expectFocused(reopened, 'connection-key');
    expect(await reopened.getByTestId('connection-key').inputValue()).toBe('');
    expect(await reopened.locator('#connection-key-label').textContent()).toBe('新しい接続キー');
    await reopened.getByTestId('connection-key').fill(otherKey);
    await reopened.getByTestId('save').click();
    await reopened.waitForURL(kintone.urls.appSettings(appId));
    expect(readProxyKey(kintone.proxyConfigs(appId)[0])).toBe(otherKey);
    expect(JSON.stringify(kintone.pluginConfig(appId))).not.toContain(otherKey);
    expect(JSON.stringify(kintone.pluginConfig(appId))).not.toContain(connectionKey);
  });

  it('works with the keyboard alone: lists, dialogs, the picker, and Save with Enter', async () => {
    const { kintone, relay, connectionKey } = harness;
    const appId = harness.addApp();
    const { page, pageErrors } = await harness.openSettings(appId, 'admin');
    const key = (name: string) => page.keyboard.press(name);

    await page.locator('body').focus();
    await tabTo(page, 'relay-url');
    await page.keyboard.type(relay.url);
    await key('Tab');
    expect(await focusedId(page)).toBe('connection-key');
    await page.keyboard.type(connectionKey);
    await key('Tab');
    expect(await focusedId(page)).toBe('verify-connection');
    await key('Enter');
    await page.getByTestId('connection-company').waitFor();

    await tabTo(page, 'rule-name');
    await page.keyboard.type('一つ目');
    // The room from the list with the arrow keys.
    await tabTo(page, 'room-search');
    await page.keyboard.type('サポート');
    await key('Tab');
    expect(await focusedId(page)).toBe('room-list');
    await key('ArrowDown');
    await expect.poll(() => page.getByTestId('rule-room-id').inputValue()).toBe(ROOMS.support.roomId);

    // The field picker: opens with Enter, traps Tab, closes with Escape back to its button.
    await tabTo(page, 'insert-field');
    await key('Enter');
    await expectFocused(page, 'picker-search');
    for (let i = 0; i < 40; i++) {
      await key('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="field-picker"]')))).toBe(
        true,
      );
    }
    await key('Shift+Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="field-picker"]')))).toBe(
      true,
    );
    await key('Escape');
    await expect.poll(() => page.getByTestId('field-picker').count()).toBe(0);
    await expectFocused(page, 'insert-field');
    // …and inserts with Enter on an item.
    await key('Enter');
    await page.keyboard.type('件名');
    await key('Tab');
    await key('Enter');
    await expect.poll(() => page.getByTestId('rule-template').inputValue()).toContain('{{title}}');
    await expectFocused(page, 'rule-template');

    // A second rule with Space on "Add rule", then reorder it to the top with the arrow buttons.
    await tabTo(page, 'add-rule');
    await key('Space');
    await expectFocused(page, 'rule-name');
    await page.keyboard.type('二つ目');
    await page.getByTestId('rule-room-id').focus();
    await page.keyboard.type(ROOMS.sales.roomId);
    await tabTo(page, 'rule-row-1-up');
    await key('Enter');
    await expect
      .poll(() => page.locator('[data-testid$="-edit"].k2c-link').allTextContents())
      .toEqual(['二つ目', '一つ目']);
    // Focus stays on the moved rule: its "up" button is now disabled, so "down" has it.
    await expectFocused(page, 'rule-row-0-down');

    // Delete asks first; the dialog traps focus and Escape cancels.
    await tabTo(page, 'rule-row-0-delete');
    await key('Enter');
    await expect.poll(() => page.getByTestId('delete-dialog').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('delete-dialog-cancel');
    await key('Tab');
    await key('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="delete-dialog"]')))).toBe(
      true,
    );
    await key('Escape');
    await expect.poll(() => page.getByTestId('delete-dialog').count()).toBe(0);
    await expectFocused(page, 'rule-row-0-delete');
    expect(await page.locator('[data-testid$="-edit"].k2c-link').count()).toBe(2);

    // Save with Enter.
    await tabTo(page, 'save');
    await key('Enter');
    await page.waitForURL(kintone.urls.appSettings(appId));
    const rules = JSON.parse(kintone.pluginConfig(appId)?.rules ?? '{}') as {
      rules: { name: string; roomId: string }[];
    };
    expect(rules.rules.map((rule) => [rule.name, rule.roomId])).toEqual([
      ['二つ目', ROOMS.sales.roomId],
      ['一つ目', ROOMS.support.roomId],
    ]);
    expect(pageErrors).toEqual([]);
  });
});
