import { describe, expect, it } from 'vitest';
import { ACTION, APP_NAME, STATUS } from './runtime/inquiry-app';
import { gotoReady, notificationCalls, waitReady } from './runtime/pages';
import { ROOM_ID, rule } from './runtime/rules';
import { setUpRuntimeSuite } from './runtime/runtime-suite';

const WAIT = { roomId: ROOM_ID, timeoutMs: 15_000 };

/**
 * The real plugin.zip on kintone's desktop screens, against the real relay and the ChatWork fake:
 * each way of saving a record produces exactly the message its rule describes.
 */
describe('desktop record saves become ChatWork messages', () => {
  const suite = setUpRuntimeSuite();

  it('create: the saved values, the user and the record link arrive in the room', async () => {
    const { sim, chatwork } = suite;
    const appId = suite.addApp({
      rules: [
        rule({
          events: ['create'],
          template:
            '[info][title]{{$appName}}: {{title}}[/title]優先度: {{priority}} / {{$event}} by {{$user}}\n{{$recordUrl}}[/info]',
        }),
      ],
    });
    const page = await suite.openPage('sato');
    await gotoReady(page, sim.urls.create(appId));
    await page.getByLabel('件名').fill('10台の見積もり依頼');
    await page.getByLabel('優先度').selectOption('高');
    await page.getByLabel('金額').fill('980000');
    await page.getByTestId('save').click();
    await page.waitForURL(sim.urls.detail(appId, 2));

    const [message] = await chatwork.waitForMessages(1, WAIT);
    expect(message?.body).toBe(
      `[info][title]${APP_NAME}: 10台の見積もり依頼[/title]優先度: 高 / 新規作成 by 佐藤\n` +
        `${sim.origin}/k/${appId}/show#record=2[/info]`,
    );
    const [call] = notificationCalls(sim, appId);
    expect(call?.entry.status).toBe(202);
    expect(call?.body).toMatchObject({
      event: 'create',
      appId,
      recordId: '2',
      revision: '1',
      recordUrl: `${sim.origin}/k/${appId}/show#record=2`,
      user: { code: 'sato', name: '佐藤' },
      record: {
        title: { type: 'SINGLE_LINE_TEXT', value: '10台の見積もり依頼' },
        priority: { type: 'DROP_DOWN', value: '高' },
      },
    });
    expect(call?.body.previous).toBeUndefined();
  });

  it('edit: the message shows the values after the save', async () => {
    const { sim, chatwork } = suite;
    const appId = suite.addApp({
      rules: [
        rule({ events: ['edit'], template: '{{$event}}: {{title}}（優先度 {{priority}}）by {{$user}} {{$recordUrl}}' }),
      ],
    });
    const page = await suite.openPage('sato');
    await gotoReady(page, sim.urls.edit(appId, 1));
    await page.getByLabel('件名').fill('既存の問い合わせ（更新）');
    await page.getByTestId('save').click();
    await page.waitForURL(sim.urls.detail(appId, 1));

    const [message] = await chatwork.waitForMessages(1, WAIT);
    expect(message?.body).toBe(
      `編集: 既存の問い合わせ（更新）（優先度 低）by 佐藤 ${sim.origin}/k/${appId}/show#record=1`,
    );
    const [call] = notificationCalls(sim, appId);
    expect(call?.body).toMatchObject({
      event: 'edit',
      recordId: '1',
      revision: '2',
      previous: { title: { value: '既存の問い合わせ' }, priority: { value: '低' } },
    });
  });

  it('inline edit on the record list: the list stays and the message arrives', async () => {
    const { sim, chatwork } = suite;
    const appId = suite.addApp({
      rules: [rule({ events: ['edit'], template: '一覧で編集: {{title}} / {{priority}}' })],
    });
    const page = await suite.openPage('sato');
    await gotoReady(page, sim.urls.index(appId));
    await page.getByTestId('inline-edit-1').click();
    await page.getByLabel('優先度').selectOption('中');
    await page.getByTestId('inline-save').click();
    await page.getByTestId('inline-edit-1').waitFor();

    const [message] = await chatwork.waitForMessages(1, WAIT);
    expect(message?.body).toBe('一覧で編集: 既存の問い合わせ / 中');
    expect(page.url()).toBe(sim.urls.index(appId));
    expect(sim.records(appId)[0]?.priority?.value).toBe('中');
  });

  it('status action: from → to (action), and the action itself goes through', async () => {
    const { sim, chatwork } = suite;
    const appId = suite.addApp({
      rules: [
        rule({ events: ['status'], template: '{{title}}: {{$statusFrom}} → {{$statusTo}} ({{$action}}) by {{$user}}' }),
      ],
    });
    const page = await suite.openPage('sato');
    await gotoReady(page, sim.urls.detail(appId, 1));
    await page.getByTestId(`action-${ACTION.start}`).click();
    await page.waitForFunction(
      (status) => document.querySelector('[data-testid="status"]')?.textContent === status,
      STATUS.doing,
    );

    const [message] = await chatwork.waitForMessages(1, WAIT);
    expect(message?.body).toBe(`既存の問い合わせ: ${STATUS.open} → ${STATUS.doing} (${ACTION.start}) by 佐藤`);
    // The handler returned the event: kintone did not cancel the action.
    expect(sim.records(appId)[0]?.ステータス?.value).toBe(STATUS.doing);
    const [call] = notificationCalls(sim, appId);
    expect(call?.body).toMatchObject({
      event: 'status',
      recordId: '1',
      status: { from: STATUS.open, to: STATUS.doing, action: ACTION.start },
    });
  });

  describe('"only when changed" compares with the values seen when editing started', () => {
    const priorityRule = () =>
      rule({
        events: ['edit'],
        changedFields: ['priority'],
        template: '優先度が {{priority}} に変わりました: {{title}}',
      });

    it('on the edit screen', async () => {
      const { sim, chatwork } = suite;
      const appId = suite.addApp({ rules: [priorityRule()] });
      const page = await suite.openPage('sato');

      await gotoReady(page, sim.urls.edit(appId, 1));
      await page.getByLabel('件名').fill('件名だけ変更');
      await page.getByTestId('save').click();
      await page.waitForURL(sim.urls.detail(appId, 1));
      await waitReady(page);
      const [titleOnly] = notificationCalls(sim, appId);
      expect(titleOnly?.body).toMatchObject({
        record: { title: { value: '件名だけ変更' }, priority: { value: '低' } },
        previous: { title: { value: '既存の問い合わせ' }, priority: { value: '低' } },
      });
      // The relay saw no change in priority: no delivery.
      expect(titleOnly?.response).toEqual({ deliveries: [] });

      await gotoReady(page, sim.urls.edit(appId, 1));
      await page.getByLabel('優先度').selectOption('高');
      await page.getByTestId('save').click();
      await page.waitForURL(sim.urls.detail(appId, 1));
      const messages = await chatwork.waitForMessages(1, WAIT);
      expect(messages.map((message) => message.body)).toEqual(['優先度が 高 に変わりました: 件名だけ変更']);
      expect(notificationCalls(sim, appId)[1]?.body.previous).toEqual({
        title: { type: 'SINGLE_LINE_TEXT', value: '件名だけ変更' },
        priority: { type: 'DROP_DOWN', value: '低' },
      });
    });

    it('on the record list (inline edit)', async () => {
      const { sim, chatwork } = suite;
      const appId = suite.addApp({ rules: [priorityRule()] });
      const page = await suite.openPage('sato');
      await gotoReady(page, sim.urls.index(appId));

      await page.getByTestId('inline-edit-1').click();
      await page.getByLabel('件名').fill('一覧で件名だけ変更');
      await page.getByTestId('inline-save').click();
      await page.getByTestId('inline-edit-1').waitFor();
      await expect.poll(() => notificationCalls(sim, appId)[0]?.response).toEqual({ deliveries: [] });
      expect(notificationCalls(sim, appId)[0]?.body.previous).toMatchObject({ priority: { value: '低' } });

      await page.getByTestId('inline-edit-1').click();
      await page.getByLabel('優先度').selectOption('高');
      await page.getByTestId('inline-save').click();
      const messages = await chatwork.waitForMessages(1, WAIT);
      expect(messages.map((message) => message.body)).toEqual(['優先度が 高 に変わりました: 一覧で件名だけ変更']);
    });
  });

  describe('only what the rules reference leaves kintone', () => {
    it('sends the referenced fields only, never the others', async () => {
      const { sim, chatwork } = suite;
      const appId = suite.addApp({
        rules: [
          rule({
            events: ['create', 'edit'],
            template: '{{title}}',
            conditions: { match: 'all', items: [{ field: 'priority', op: 'ne', value: '低' }] },
          }),
          // A disabled rule's fields are not sent either.
          rule({ events: ['create'], enabled: false, template: '{{detail}}' }),
        ],
      });
      const page = await suite.openPage('sato');
      await gotoReady(page, sim.urls.create(appId));
      await page.getByLabel('件名').fill('機密の金額を含む');
      await page.getByLabel('優先度').selectOption('中');
      await page.getByLabel('金額').fill('5000000');
      await page.getByLabel('詳細').fill('社外秘の詳細');
      await page.getByTestId('save').click();
      await page.waitForURL(sim.urls.detail(appId, 2));
      await chatwork.waitForMessages(1, WAIT);

      const [call] = notificationCalls(sim, appId);
      expect(Object.keys(call?.body.record ?? {}).sort()).toEqual(['priority', 'title']);
      expect(call?.entry.requestBody).not.toContain('5000000');
      expect(call?.entry.requestBody).not.toContain('社外秘');
    });

    it('makes no proxy call at all when no enabled rule listens to the event', async () => {
      const { sim } = suite;
      const appId = suite.addApp({
        rules: [
          rule({ events: ['status'], template: '{{title}}' }),
          rule({ events: ['create', 'edit'], enabled: false, template: '{{title}}' }),
        ],
      });
      const page = await suite.openPage('sato');
      await gotoReady(page, sim.urls.create(appId));
      await page.getByLabel('件名').fill('通知しない');
      await page.getByTestId('save').click();
      await page.waitForURL(sim.urls.detail(appId, 2));
      await waitReady(page);
      await gotoReady(page, sim.urls.edit(appId, 2));
      await page.getByLabel('件名').fill('やはり通知しない');
      await page.getByTestId('save').click();
      await page.waitForURL(sim.urls.detail(appId, 2));
      await waitReady(page);
      expect(notificationCalls(sim, appId)).toEqual([]);
    });
  });

  it('conditions: a rule fires only for the records that match', async () => {
    const { sim, chatwork } = suite;
    const appId = suite.addApp({
      rules: [
        rule({
          events: ['create'],
          template: '至急: {{title}}',
          conditions: { match: 'all', items: [{ field: 'priority', op: 'eq', value: '高' }] },
        }),
      ],
    });
    const page = await suite.openPage('sato');
    for (const [title, priority] of [
      ['優先度の低い依頼', '低'],
      ['優先度の高い依頼', '高'],
    ] as const) {
      await gotoReady(page, sim.urls.create(appId));
      await page.getByLabel('件名').fill(title);
      await page.getByLabel('優先度').selectOption(priority);
      await page.getByTestId('save').click();
      await page.waitForURL(/show#record=\d+$/);
      await waitReady(page);
    }
    const messages = await chatwork.waitForMessages(1, WAIT);
    expect(messages.map((message) => message.body)).toEqual(['至急: 優先度の高い依頼']);
    expect(notificationCalls(sim, appId).map((call) => call.response)).toEqual([
      { deliveries: [] },
      { deliveries: [expect.objectContaining({ status: 'queued', duplicate: false })] },
    ]);
  });

  it('record: null after create (no view permission) still produces a message from built-ins', async () => {
    const { sim, chatwork } = suite;
    const appId = suite.addApp({
      app: { viewableByCreator: false },
      rules: [rule({ events: ['create'], template: '新しいレコード #{{$recordId}}（{{$appName}}）{{$recordUrl}}' })],
    });
    const page = await suite.openPage('sato');
    await gotoReady(page, sim.urls.create(appId));
    await page.getByLabel('件名').fill('見えないレコード');
    await page.getByTestId('save').click();
    await page.waitForURL(sim.urls.index(appId));

    const [message] = await chatwork.waitForMessages(1, WAIT);
    expect(message?.body).toBe(`新しいレコード #2（${APP_NAME}）${sim.origin}/k/${appId}/show#record=2`);
    expect(notificationCalls(sim, appId)[0]?.body).toMatchObject({ recordId: '2', record: {} });
  });

  describe('spaces', () => {
    it('a guest-space app links to the record under /k/guest/<space>/', async () => {
      const { sim, chatwork } = suite;
      const appId = suite.addApp({
        app: { guestSpaceId: '9' },
        rules: [rule({ events: ['create', 'edit'], template: '{{$event}}: {{title}} {{$recordUrl}}' })],
      });
      const page = await suite.openPage('sato');
      await gotoReady(page, sim.urls.create(appId));
      expect(sim.urls.create(appId)).toBe(`${sim.origin}/k/guest/9/${appId}/edit`);
      await page.getByLabel('件名').fill('ゲストからの依頼');
      await page.getByTestId('save').click();
      await page.waitForURL(sim.urls.detail(appId, 2));
      const [created] = await chatwork.waitForMessages(1, WAIT);
      expect(created?.body).toBe(`新規作成: ゲストからの依頼 ${sim.origin}/k/guest/9/${appId}/show#record=2`);

      await waitReady(page);
      await gotoReady(page, sim.urls.index(appId));
      await page.getByTestId('inline-edit-1').click();
      await page.getByLabel('件名').fill('ゲストで一覧編集');
      await page.getByTestId('inline-save').click();
      const [, edited] = await chatwork.waitForMessages(2, WAIT);
      expect(edited?.body).toBe(`編集: ゲストで一覧編集 ${sim.origin}/k/guest/9/${appId}/show#record=1`);
    });

    it('an app inside a (non-guest) space keeps the usual /k/<app>/ link', async () => {
      const { sim, chatwork } = suite;
      const appId = suite.addApp({
        app: { spaceId: '5' },
        rules: [rule({ events: ['create'], template: '{{title}} {{$recordUrl}}' })],
      });
      const page = await suite.openPage('sato');
      await gotoReady(page, sim.urls.create(appId));
      await page.getByLabel('件名').fill('スペースのアプリ');
      await page.getByTestId('save').click();
      await page.waitForURL(sim.urls.detail(appId, 2));
      const [message] = await chatwork.waitForMessages(1, WAIT);
      expect(message?.body).toBe(`スペースのアプリ ${sim.origin}/k/${appId}/show#record=2`);
    });
  });
});
