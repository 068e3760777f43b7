import { describe, expect, it } from 'vitest';
import { ACTION, APP_NAME, STATUS } from './runtime/inquiry-app';
import { gotoReady, notificationCalls, waitReady } from './runtime/pages';
import { ROOM_ID, rule } from './runtime/rules';
import { setUpRuntimeSuite } from './runtime/runtime-suite';

const WAIT = { roomId: ROOM_ID, timeoutMs: 15_000 };

/** The same plug-in on kintone's mobile screens (mobile.js, `mobile.*` events). */
describe('mobile record saves become ChatWork messages', () => {
  const suite = setUpRuntimeSuite();

  it('mobile create', async () => {
    const { sim, chatwork } = suite;
    const appId = suite.addApp({
      rules: [
        rule({
          events: ['create'],
          template: '[info][title]{{$appName}}[/title]{{title}}（{{priority}}）by {{$user}}\n{{$recordUrl}}[/info]',
        }),
      ],
    });
    const page = await suite.openPage('sato');
    await gotoReady(page, sim.urls.mobileCreate(appId));
    await page.getByLabel('件名').fill('外出先からの依頼');
    await page.getByLabel('優先度').selectOption('中');
    await page.getByTestId('save').click();
    await page.waitForURL(sim.urls.mobileDetail(appId, 2));

    const [message] = await chatwork.waitForMessages(1, WAIT);
    // The link is the desktop permalink, which opens on any device.
    expect(message?.body).toBe(
      `[info][title]${APP_NAME}[/title]外出先からの依頼（中）by 佐藤\n${sim.origin}/k/${appId}/show#record=2[/info]`,
    );
    expect(notificationCalls(sim, appId)[0]?.body).toMatchObject({ event: 'create', recordId: '2', revision: '1' });
  });

  it('mobile edit, with "only when changed" fed by the mobile edit screen', async () => {
    const { sim, chatwork } = suite;
    const appId = suite.addApp({
      rules: [
        rule({
          events: ['edit'],
          changedFields: ['priority'],
          template: '{{$event}}: {{title}} の優先度 → {{priority}}',
        }),
      ],
    });
    const page = await suite.openPage('sato');

    await gotoReady(page, sim.urls.mobileEdit(appId, 1));
    await page.getByLabel('件名').fill('スマホで件名だけ変更');
    await page.getByTestId('save').click();
    await page.waitForURL(sim.urls.mobileDetail(appId, 1));
    await waitReady(page);
    const [titleOnly] = notificationCalls(sim, appId);
    expect(titleOnly?.body.previous).toMatchObject({ title: { value: '既存の問い合わせ' }, priority: { value: '低' } });
    expect(titleOnly?.response).toEqual({ deliveries: [] });

    await gotoReady(page, sim.urls.mobileEdit(appId, 1));
    await page.getByLabel('優先度').selectOption('高');
    await page.getByTestId('save').click();
    await page.waitForURL(sim.urls.mobileDetail(appId, 1));
    const messages = await chatwork.waitForMessages(1, WAIT);
    expect(messages.map((message) => message.body)).toEqual(['編集: スマホで件名だけ変更 の優先度 → 高']);
  });

  it('mobile status action: from → to (action), and the action goes through', async () => {
    const { sim, chatwork } = suite;
    const appId = suite.addApp({
      rules: [rule({ events: ['status'], template: '{{title}}: {{$statusFrom}} → {{$statusTo}} ({{$action}})' })],
    });
    const page = await suite.openPage('sato');
    await gotoReady(page, sim.urls.mobileDetail(appId, 1));
    await page.getByTestId(`action-${ACTION.start}`).click();
    await page.waitForFunction(
      (status) => document.querySelector('[data-testid="status"]')?.textContent === status,
      STATUS.doing,
    );
    const [message] = await chatwork.waitForMessages(1, WAIT);
    expect(message?.body).toBe(`既存の問い合わせ: ${STATUS.open} → ${STATUS.doing} (${ACTION.start})`);
    expect(sim.records(appId)[0]?.ステータス?.value).toBe(STATUS.doing);
  });

  it('a guest-space app on mobile links to the desktop guest-space record', async () => {
    const { sim, chatwork } = suite;
    const appId = suite.addApp({
      app: { guestSpaceId: '12' },
      rules: [rule({ events: ['create'], template: '{{title}} {{$recordUrl}}' })],
    });
    const page = await suite.openPage('sato');
    await gotoReady(page, sim.urls.mobileCreate(appId));
    await page.getByLabel('件名').fill('ゲストのスマホから');
    await page.getByTestId('save').click();
    await page.waitForURL(sim.urls.mobileDetail(appId, 2));
    const [message] = await chatwork.waitForMessages(1, WAIT);
    expect(message?.body).toBe(`ゲストのスマホから ${sim.origin}/k/guest/12/${appId}/show#record=2`);
  });
});
