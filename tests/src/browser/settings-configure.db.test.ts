import type { RuleSet } from '@k2c/rules';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { maybeScreenshot } from '../support/index';
import { ROOMS, setUpSettingsHarness } from './settings/harness';
import { connect, readProxyKey } from './settings/steps';

/**
 * The plug-in settings screen, as the built plugin.zip runs it in the kintone simulator, against a
 * real relay and the ChatWork fake: an administrator configures, checks and saves two rules.
 */
describe('plug-in settings screen: configuring notifications', () => {
  const harness = setUpSettingsHarness();

  const expectedRules: RuleSet = {
    version: 1,
    rules: [
      {
        id: 'r1',
        name: '高優先度の問い合わせ',
        enabled: true,
        events: ['create', 'edit'],
        roomId: ROOMS.sales.roomId,
        template: '[info][title]{{$appName}}: {{title}}[/title]{{$recordUrl}}[/info]',
        conditions: { match: 'all', items: [{ field: 'priority', op: 'eq', value: '高' }] },
        changedFields: [],
        mentions: { accountIds: ['1234567'], toAll: false, userField: 'owner', userMap: { admin: '7654321' } },
      },
      {
        id: 'r2',
        name: 'ステータス変更',
        enabled: true,
        events: ['status'],
        roomId: ROOMS.support.roomId,
        template: '{{$statusFrom}} → {{$statusTo}}: {{title}}',
        conditions: { match: 'all', items: [] },
        changedFields: [],
        mentions: { accountIds: [], toAll: true, userMap: {} },
      },
    ],
  };

  async function configureFirstRule(page: Page): Promise<void> {
    await page.getByTestId('rule-name').fill('高優先度の問い合わせ');
    await page.getByTestId('rule-event-edit').check();

    // The room, from the searched list.
    await page.getByTestId('room-search').fill('営業');
    await expect
      .poll(() => page.getByTestId('room-list').locator('option').allTextContents())
      .toEqual(['営業チーム（グループチャット・2001）']);
    await page.getByTestId('room-list').selectOption(ROOMS.sales.roomId);
    await expect.poll(() => page.getByTestId('rule-room-id').inputValue()).toBe(ROOMS.sales.roomId);
    await expect.poll(() => page.getByTestId('room-chosen').textContent()).toContain('営業チーム');

    // The template, with {{title}} inserted at the cursor from the field picker.
    const template = page.getByTestId('rule-template');
    await template.fill('[info][title]{{$appName}}: [/title]{{$recordUrl}}[/info]');
    await template.evaluate((node: HTMLTextAreaElement) => {
      const at = node.value.indexOf('[/title]');
      node.setSelectionRange(at, at);
    });
    await page.getByTestId('insert-field').click();
    const picker = page.getByTestId('field-picker');
    await expect.poll(() => picker.getByText('明細', { exact: true }).count()).toBe(1);
    // Sub-table columns are not offered; built-ins come with what they mean.
    expect(await picker.getByTestId('picker-item-qty').count()).toBe(0);
    expect(await picker.getByTestId('picker-item-$recordUrl').textContent()).toContain('レコードの URL');
    await page.getByTestId('picker-search').fill('件名');
    await picker.getByTestId('picker-item-title').click();
    await expect.poll(() => picker.count()).toBe(0);
    await expect.poll(() => template.inputValue()).toBe(expectedRules.rules[0]?.template);
    expect(
      await template.evaluate((node: HTMLTextAreaElement) => [document.activeElement === node, node.selectionStart]),
    ).toEqual([true, '[info][title]{{$appName}}: {{title}}'.length]);

    // A condition: priority equals 高, chosen from the field's options.
    await page.getByTestId('add-condition').click();
    await page.getByTestId('rule-condition-0-field').selectOption('priority');
    expect(await page.getByTestId('rule-condition-0-op').locator('option').allTextContents()).toEqual([
      '比べ方を選択',
      'と等しい',
      'と等しくない',
      'のいずれか',
      '空である',
      '空ではない',
    ]);
    await page.locator('#rule-condition-0-value').selectOption('高');

    // Mentions: a fixed account and the users of the 担当者 field.
    await page.getByTestId('rule-mention-ids').fill('1234567');
    await page.getByTestId('rule-user-field').selectOption('owner');
    await page.getByTestId('rule-user-map-0-code').fill('admin');
    await page.getByTestId('rule-user-map-0-accountId').fill('7654321');
  }

  async function configureSecondRule(page: Page): Promise<void> {
    await page.getByTestId('add-rule').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('rule-name');
    await page.getByTestId('rule-name').fill('ステータス変更');
    await page.getByTestId('rule-event-create').uncheck();
    await page.getByTestId('rule-event-status').check();
    await page.getByTestId('rule-room-id').fill(ROOMS.support.roomId);
    await page.getByTestId('rule-template').fill('{{$statusFrom}} → {{$statusTo}}: {{title}}');
    await page.getByTestId('rule-to-all').check();
  }

  it('lets a Japanese administrator configure two rules, verify, preview, test-send, save and deploy', async () => {
    const { kintone, relay, chatwork, connectionKey } = harness;
    const appId = harness.addApp();
    const { page, dialogs, pageErrors } = await harness.openSettings(appId, 'admin');

    expect(await page.locator('#k2c-settings').getAttribute('lang')).toBe('ja');
    expect(await page.locator('h1.kintoneplugin-title').textContent()).toBe('kintone2chatwork の設定');

    // Connection: company, plan, usage this month and the ChatWork account.
    await connect(page, relay.url, connectionKey);
    expect(await page.getByTestId('connection-company').textContent()).toBe('株式会社サンプル');
    expect(await page.getByTestId('connection-plan').textContent()).toBe('フリー');
    expect(await page.getByTestId('connection-usage').textContent()).toBe('0 / 100 件');
    expect(await page.getByTestId('connection-chatwork').textContent()).toBe('通知ボット（アカウント ID: 3001）');

    // The readonly room is listed, marked, and cannot be chosen.
    const readonly = page.getByTestId('room-list').locator(`option[value="${ROOMS.announcements.roomId}"]`);
    expect(await readonly.textContent()).toContain('閲覧のみ・投稿できません');
    expect(await readonly.isDisabled()).toBe(true);

    await configureFirstRule(page);
    await configureSecondRule(page);
    await expect
      .poll(() => page.locator('[data-testid^="rule-row-"][data-testid$="-edit"]').allTextContents())
      .toEqual(['高優先度の問い合わせ', 'ステータス変更']);

    // Preview with the newest record: rule 1 fires (priority 高) and renders its values; rule 2 does not.
    await page.getByTestId('preview-event').selectOption('create');
    await page.getByTestId('preview-button').click();
    await expect.poll(() => page.getByTestId('preview-status').textContent()).toContain('レコード ID: 2');
    const body = await page.getByTestId('preview-r1-body').textContent();
    expect(body).toBe(
      '[To:1234567] [To:7654321]\n' +
        `[info][title]問い合わせ管理: 見積もり依頼（最新）[/title]${kintone.origin}/k/${appId}/show#record=2[/info]`,
    );
    expect(await page.getByTestId('preview-r1-verdict').textContent()).toBe('送信されます');
    expect(await page.getByTestId('preview-r2-verdict').textContent()).toContain('送信されません');
    await maybeScreenshot(page, 'plugin-settings-ja');

    // Test send to the first rule's room: the ChatWork fake gets it, the screen says delivered.
    await page.getByTestId('rule-row-0-edit').click();
    await expect.poll(() => page.getByTestId('rule-room-id').inputValue()).toBe(ROOMS.sales.roomId);
    await page.getByTestId('test-send').click();
    // Through the relay's outbox and delivery worker, like a real notification.
    await expect
      .poll(() => page.getByTestId('test-send-status').textContent(), { timeout: 30_000 })
      .toBe('テストメッセージを送信しました（配信済み）。ChatWork のルームを確認してください。');
    const [message] = chatwork.messages(ROOMS.sales.roomId);
    expect(message?.body).toContain('テスト送信');
    expect(message?.body).toContain('問い合わせ管理');

    // Save, then "Update App" on the app settings page the screen goes to.
    await page.getByTestId('save').click();
    await page.waitForURL(kintone.urls.appSettings(appId));
    expect(dialogs).toEqual(['設定を保存しました。アプリの設定画面で「アプリを更新」をクリックすると反映されます。']);
    await page.getByTestId('deploy').click();
    await expect.poll(() => kintone.pluginConfig(appId, { deployed: true })?.rules).toBeDefined();

    const config = kintone.pluginConfig(appId, { deployed: true }) ?? {};
    expect(Object.keys(config).sort()).toEqual(['appName', 'fields', 'relayUrl', 'rules', 'schemaVersion']);
    expect(JSON.parse(config.rules ?? '')).toEqual(expectedRules);
    expect(JSON.parse(config.fields ?? '')).toEqual(['title', 'priority', 'owner']);
    expect(config).toMatchObject({ schemaVersion: '1', relayUrl: relay.url, appName: '問い合わせ管理' });
    // The key lives only in the proxy settings.
    expect(JSON.stringify(config)).not.toContain(connectionKey);
    const proxies = kintone.proxyConfigs(appId, { deployed: true });
    expect(proxies).toEqual([
      {
        url: `${relay.url}/v1/notifications`,
        method: 'POST',
        headers: { Authorization: `Bearer ${connectionKey}` },
        data: { rules: config.rules, kintoneHost: new URL(kintone.origin).host, appName: '問い合わせ管理' },
      },
    ]);
    expect(pageErrors).toEqual([]);

    // Reopened, the screen shows exactly what was saved, and the key only masked.
    const again = await harness.openSettings(appId, 'admin');
    const reopened = again.page;
    expect(await reopened.getByTestId('stored-key').textContent()).toBe(
      `保存済みのキー: ••••••••${connectionKey.slice(-4)}`,
    );
    expect(await reopened.getByTestId('connection-key').isVisible()).toBe(false);
    expect(await reopened.getByTestId('relay-url').inputValue()).toBe(relay.url);
    // A configured screen verifies its connection by itself.
    await reopened.getByTestId('connection-company').waitFor();
    expect(await reopened.getByTestId('rule-name').inputValue()).toBe('高優先度の問い合わせ');
    expect(await reopened.getByTestId('rule-event-create').isChecked()).toBe(true);
    expect(await reopened.getByTestId('rule-event-edit').isChecked()).toBe(true);
    expect(await reopened.getByTestId('rule-event-status').isChecked()).toBe(false);
    expect(await reopened.getByTestId('rule-room-id').inputValue()).toBe(ROOMS.sales.roomId);
    expect(await reopened.getByTestId('rule-template').inputValue()).toBe(expectedRules.rules[0]?.template);
    expect(await reopened.getByTestId('rule-condition-0-field').inputValue()).toBe('priority');
    expect(await reopened.getByTestId('rule-condition-0-op').inputValue()).toBe('eq');
    expect(await reopened.locator('#rule-condition-0-value').inputValue()).toBe('高');
    expect(await reopened.getByTestId('rule-mention-ids').inputValue()).toBe('1234567');
    expect(await reopened.getByTestId('rule-user-field').inputValue()).toBe('owner');
    expect(await reopened.getByTestId('rule-user-map-0-code').inputValue()).toBe('admin');
    expect(await reopened.getByTestId('rule-user-map-0-accountId').inputValue()).toBe('7654321');
    await reopened.getByTestId('rule-row-1-edit').click();
    expect(await reopened.getByTestId('rule-name').inputValue()).toBe('ステータス変更');
    expect(await reopened.getByTestId('rule-event-status').isChecked()).toBe(true);
    expect(await reopened.getByTestId('rule-to-all').isChecked()).toBe(true);
    expect(await reopened.getByTestId('rule-room-id').inputValue()).toBe(ROOMS.support.roomId);

    // Saving the reopened screen unchanged (the stored key kept) writes the same settings again.
    await reopened.getByTestId('save').click();
    await reopened.waitForURL(kintone.urls.appSettings(appId));
    expect(kintone.pluginConfig(appId)).toEqual(config);
    expect(readProxyKey(kintone.proxyConfigs(appId)[0])).toBe(connectionKey);
    expect(again.pageErrors).toEqual([]);
  });

  it('speaks English to an English-speaking administrator', async () => {
    const { relay, connectionKey } = harness;
    const appId = harness.addApp();
    const { page, pageErrors } = await harness.openSettings(appId, 'alice');

    expect(await page.locator('#k2c-settings').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1.kintoneplugin-title').textContent()).toBe('kintone2chatwork settings');
    expect(await page.getByTestId('verify-connection').textContent()).toBe('Verify connection');
    expect(await page.locator('#rules-heading').textContent()).toContain('Notification rules');
    expect(await page.getByTestId('add-rule').textContent()).toBe('Add rule');
    expect(await page.getByTestId('save').textContent()).toBe('Save');
    expect(await page.getByTestId('cancel').textContent()).toBe('Cancel');
    expect(await page.locator('label[for="rule-event-create"]').textContent()).toBe('Created');
    expect(await page.locator('label[for="rule-event-status"]').textContent()).toBe('Status changed');
    expect(await page.getByTestId('insert-field').textContent()).toBe('Insert field');

    await connect(page, relay.url, connectionKey);
    expect(await page.getByTestId('connection-plan').textContent()).toBe('Free');
    expect(await page.getByTestId('connection-usage').textContent()).toBe('0 / 100');
    expect(await page.getByTestId('connection-chatwork').textContent()).toBe('通知ボット (account ID 3001)');

    await page.getByTestId('rule-name').fill('New inquiry');
    await page.getByTestId('room-list').selectOption(ROOMS.sales.roomId);
    await page.getByTestId('add-condition').click();
    await page.getByTestId('rule-condition-0-field').selectOption('amount');
    expect(await page.getByTestId('rule-condition-0-op').locator('option').allTextContents()).toEqual([
      'Choose a comparison',
      'equals',
      'does not equal',
      'is greater than',
      'is at least',
      'is less than',
      'is at most',
      'is empty',
      'is not empty',
    ]);
    await page.getByTestId('rule-condition-0-op').selectOption('gte');
    await page.locator('#rule-condition-0-value').fill('100000');
    await page.getByTestId('preview-button').click();
    await expect
      .poll(() => page.getByTestId('preview-status').textContent())
      .toBe('Using the newest record (record ID 2).');
    expect(await page.getByTestId('preview-r1-verdict').textContent()).toBe('Would be sent');
    await maybeScreenshot(page, 'plugin-settings-en');

    // Validation speaks English too.
    await page.getByTestId('rule-template').fill('{{nope}}');
    await page.getByTestId('save').click();
    await expect
      .poll(() => page.getByTestId('rule-template-error').textContent())
      .toBe('{{nope}} is neither a field code of this app nor a built-in placeholder.');
    expect(await page.getByTestId('settings-status').textContent()).toBe(
      'Please check the fields marked in red; you can save once they are fixed.',
    );
    expect(harness.kintone.pluginConfig(appId)).toBeNull();
    expect(pageErrors).toEqual([]);
  });

  it('says when ChatWork is not connected yet', async () => {
    const key = await harness.keyWithoutChatwork();
    const { page } = await harness.openSettings(harness.addApp(), 'alice');
    await connect(page, harness.relay.url, key);
    expect(await page.getByTestId('connection-company').textContent()).toBe('ChatWork 未接続株式会社');
    expect(await page.getByTestId('connection-chatwork').textContent()).toBe(
      'ChatWork is not connected yet — connect it on the dashboard.',
    );
    await expect
      .poll(() => page.getByTestId('room-note').textContent())
      .toBe('The room list could not be loaded: ChatWork is not connected yet — connect it on the dashboard.');
  });
});
