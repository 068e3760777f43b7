import type { Browser } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { KintoneSimulator } from './index';
import {
  eventOf,
  eventTypes,
  type FixtureReport,
  gotoReady,
  type KintoneForTests,
  openSession,
  type SimWindow,
  waitForReport,
  waitReady,
} from './testing/browser-session';
import type { HttpReceiver } from './testing/http-receiver';
import { setUpSimulatorSuite } from './testing/simulator-suite';

declare const kintone: KintoneForTests;

describe('record screens fire kintone events', { timeout: 20_000 }, () => {
  const suite = setUpSimulatorSuite();
  let sim: KintoneSimulator;
  let browser: Browser;
  let relay: HttpReceiver;
  let appId: string;

  // A fresh app per test, with deployed settings pointing the fixture at the receiver.
  beforeEach(() => {
    ({ sim, browser, relay } = suite);
    appId = suite.addRelayApp();
  });

  const recordShape = (record: unknown) => {
    expect(record).toMatchObject({
      $id: { type: '__ID__', value: expect.any(String) },
      $revision: { type: '__REVISION__', value: expect.any(String) },
      レコード番号: { type: 'RECORD_NUMBER', value: expect.any(String) },
      作成者: { type: 'CREATOR', value: { code: 'admin', name: '管理者' } },
      更新者: { type: 'MODIFIER', value: { code: 'admin', name: '管理者' } },
      作成日時: { type: 'CREATED_TIME', value: expect.stringMatching(/Z$/) },
      title: { type: 'SINGLE_LINE_TEXT', value: expect.any(String) },
    });
  };
  const relayBodies = () => relay.requests.map((request) => JSON.parse(request.body) as Record<string, unknown>);
  const reportsOfKind = (reports: FixtureReport[], kind: string) => reports.filter((report) => report.kind === kind);

  it('loads desktop files in manifest order with $PLUGIN_ID set before each', async () => {
    const { context, page, reports } = await openSession(browser, sim);
    try {
      await gotoReady(page, sim.urls.index(appId));
      expect(reportsOfKind(reports, 'loaded')).toEqual([
        { kind: 'loaded', file: 'desktop-first', pluginId: sim.pluginId },
        { kind: 'loaded', file: 'desktop', pluginId: sim.pluginId },
      ]);
      expect(await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--fixture-css').trim())).toBe(
        'desktop',
      );
      const info = await page.evaluate(() => ({
        appId: kintone.app.getId(),
        recordId: kintone.app.record.getId(),
        headerSpace: kintone.app.getHeaderSpaceElement() instanceof HTMLElement,
        user: kintone.getLoginUser(),
        ui: kintone.getUiVersion(),
        mobile: kintone.isMobilePage(),
        token: kintone.getRequestToken(),
      }));
      expect(info).toMatchObject({ appId: Number(appId), recordId: null, headerSpace: true, ui: 2, mobile: false });
      expect(info.user).toEqual({
        id: '1',
        code: 'admin',
        name: '管理者',
        email: 'admin@example.com',
        url: '',
        employeeNumber: '',
        phone: '',
        mobilePhone: '',
        extensionNumber: '',
        timezone: 'Asia/Tokyo',
        isGuest: false,
        language: 'ja',
      });
      expect(info.token).toEqual(expect.any(String));
      expect(eventOf(reports, 'app.record.index.show')).toMatchObject({
        appId: Number(appId),
        viewType: 'list',
        size: 1,
      });
    } finally {
      await context.close();
    }
  });

  it('create: show → submit → save → submit.success (awaited) → detail', async () => {
    const { context, page, reports } = await openSession(browser, sim);
    try {
      await gotoReady(page, sim.urls.create(appId));
      await page.getByLabel('Title').fill('New inquiry');
      await page.getByLabel('Priority').selectOption('Low');
      await page.locator('[data-field-code="tags"] input[value="b"]').check();
      await page.getByLabel('Owner').fill('sato');
      await page.getByTestId('save').click();
      await page.waitForURL(sim.urls.detail(appId, 2));
      await waitReady(page);

      expect(eventTypes(reports)).toEqual([
        'app.record.create.show',
        'app.record.create.submit',
        'app.record.create.submit.success',
        'app.record.detail.show',
      ]);
      const success = eventOf(reports, 'app.record.create.submit.success');
      expect(success).toMatchObject({ type: 'app.record.create.submit.success', appId: Number(appId), recordId: '2' });
      recordShape(success.record);
      expect(success.record).toMatchObject({
        title: { value: 'New inquiry' },
        priority: { type: 'DROP_DOWN', value: 'Low' },
        tags: { type: 'CHECK_BOX', value: ['b'] },
        owner: { type: 'USER_SELECT', value: [{ code: 'sato', name: '佐藤' }] },
        $revision: { value: '1' },
      });
      expect(eventOf(reports, 'app.record.create.submit')).toMatchObject({ appId: Number(appId) });
      expect(eventOf(reports, 'app.record.detail.show')).toMatchObject({ recordId: 2, appId: Number(appId) });

      // The handler's proxy call went out before the page left, with the stored values merged in.
      expect(reportsOfKind(reports, 'proxy')).toEqual([
        { kind: 'proxy', status: 202, body: JSON.stringify({ received: true, status: 202 }) },
      ]);
      const request = relay.requests.at(-1);
      expect(request?.headers.authorization).toBe('Bearer stored-key');
      expect(relayBodies().at(-1)).toMatchObject({ event: 'create', recordId: '2', kintoneHost: 'stored-host' });
      expect(sim.records(appId)[1]?.title?.value).toBe('New inquiry');
      await expect(page.getByTestId('edit').isVisible()).resolves.toBe(true);
    } finally {
      await context.close();
    }
  });

  it('create.submit can cancel the save with event.error or a field error', async () => {
    for (const options of [{ cancelCreate: true }, { fieldError: true }]) {
      const { context, page, reports } = await openSession(browser, sim, { options });
      try {
        await gotoReady(page, sim.urls.create(appId));
        await page.getByLabel('Title').fill('Blocked');
        await page.getByTestId('save').click();
        await waitForReport(reports, (report) => report.type === 'app.record.create.submit');
        const message = options.cancelCreate ? 'cancelled by fixture' : 'title rejected';
        await expect(page.getByText(message).isVisible()).resolves.toBe(true);
        expect(eventTypes(reports)).not.toContain('app.record.create.submit.success');
        expect(sim.records(appId)).toHaveLength(1);
      } finally {
        await context.close();
      }
    }
  });

  it('create.submit handlers may change the values that are saved', async () => {
    const { context, page } = await openSession(browser, sim, { options: { changeTitle: 'Changed by handler' } });
    try {
      await gotoReady(page, sim.urls.create(appId));
      await page.getByLabel('Title').fill('Typed');
      await page.getByTestId('save').click();
      await page.waitForURL(sim.urls.detail(appId, 2));
      expect(sim.records(appId)[1]?.title?.value).toBe('Changed by handler');
    } finally {
      await context.close();
    }
  });

  it('create.submit.success gets record: null without view permission, and honours event.url', async () => {
    const hiddenApp = suite.addRelayApp({ viewableByCreator: false });
    const { context, page, reports } = await openSession(browser, sim, {
      options: { successUrl: `${sim.urls.index(appId)}?from=handler` },
    });
    try {
      await gotoReady(page, sim.urls.create(hiddenApp));
      await page.getByLabel('Title').fill('Hidden');
      await page.getByTestId('save').click();
      await page.waitForURL(`${sim.urls.index(appId)}?from=handler`);
      const success = eventOf(reports, 'app.record.create.submit.success');
      expect(success).toEqual({
        type: 'app.record.create.submit.success',
        appId: Number(hiddenApp),
        recordId: '2',
        record: null,
      });
    } finally {
      await context.close();
    }
  });

  it('edit: edit.show → edit.submit → edit.submit.success with the new revision → detail', async () => {
    const { context, page, reports } = await openSession(browser, sim);
    try {
      await gotoReady(page, sim.urls.edit(appId, 1));
      expect(await page.evaluate(() => kintone.app.record.getId())).toBe(1);
      await expect(page.getByLabel('Title').inputValue()).resolves.toBe('First inquiry');
      await page.getByLabel('Title').fill('Edited inquiry');
      await page.getByTestId('save').click();
      await page.waitForURL(sim.urls.detail(appId, 1));
      await waitReady(page);

      expect(eventTypes(reports)).toEqual([
        'app.record.edit.show',
        'app.record.edit.submit',
        'app.record.edit.submit.success',
        'app.record.detail.show',
      ]);
      const show = eventOf(reports, 'app.record.edit.show');
      expect(show).toMatchObject({ appId: Number(appId), recordId: 1, record: { title: { value: 'First inquiry' } } });
      const success = eventOf(reports, 'app.record.edit.submit.success');
      expect(success).toMatchObject({ appId: Number(appId), recordId: '1' });
      recordShape(success.record);
      expect(success.record).toMatchObject({ title: { value: 'Edited inquiry' }, $revision: { value: '2' } });
      // Fields the form cannot edit (the subtable) were kept.
      expect(sim.records(appId)[0]?.items?.value).toHaveLength(1);
      expect(relayBodies().at(-1)).toMatchObject({ event: 'edit', recordId: '1' });
    } finally {
      await context.close();
    }
  });

  it('edit fails with kintone’s conflict error when the record changed meanwhile', async () => {
    const { context, page, reports } = await openSession(browser, sim);
    try {
      await gotoReady(page, sim.urls.edit(appId, 1));
      await fetch(`${sim.origin}/k/v1/record.json`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-cybozu-api-token': `token-${appId}` },
        body: JSON.stringify({ app: appId, id: 1, record: { title: { value: 'Changed elsewhere' } } }),
      });
      await page.getByLabel('Title').fill('Mine');
      await page.getByTestId('save').click();
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="record-error"]')?.textContent?.includes('revision'),
      );
      expect(eventTypes(reports)).not.toContain('app.record.edit.submit.success');
    } finally {
      await context.close();
    }
  });

  it('inline edit on the list: index.edit.show → submit → submit.success, without leaving the list', async () => {
    const { context, page, reports } = await openSession(browser, sim);
    try {
      await gotoReady(page, sim.urls.index(appId));
      await page.getByTestId('inline-edit-1').click();
      await waitForReport(reports, (report) => report.type === 'app.record.index.edit.show');
      await page.locator('tr[data-record-id="1"] [name="title"]').fill('Inline edit');
      await page.getByTestId('inline-save').click();
      await waitForReport(reports, (report) => report.kind === 'proxy');
      await expect(page.locator('tr[data-record-id="1"] td[data-field-code="title"]').textContent()).resolves.toBe(
        'Inline edit',
      );
      expect(eventTypes(reports)).toEqual([
        'app.record.index.show',
        'app.record.index.edit.show',
        'app.record.index.edit.submit',
        'app.record.index.edit.submit.success',
      ]);
      expect(eventOf(reports, 'app.record.index.edit.show')).toMatchObject({ appId: Number(appId), recordId: 1 });
      const success = eventOf(reports, 'app.record.index.edit.submit.success');
      expect(success).toMatchObject({
        appId: Number(appId),
        recordId: '1',
        record: { title: { value: 'Inline edit' } },
      });
      recordShape(success.record);
      expect(page.url()).toBe(sim.urls.index(appId));
      expect(sim.records(appId)[0]?.$revision?.value).toBe('2');
    } finally {
      await context.close();
    }
  });

  it('process action: proceed fires before the status changes, then the status moves (revision +2)', async () => {
    const { context, page, reports } = await openSession(browser, sim);
    try {
      await gotoReady(page, sim.urls.detail(appId, 1));
      await expect(page.getByTestId('status').textContent()).resolves.toBe('Open');
      await page.getByTestId('action-Finish').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent === 'Done');
      const proceed = eventOf(reports, 'app.record.detail.process.proceed');
      expect(proceed).toMatchObject({
        type: 'app.record.detail.process.proceed',
        appId: Number(appId),
        recordId: 1,
        action: { value: 'Finish' },
        status: { value: 'Open' },
        nextStatus: { value: 'Done' },
        record: { ステータス: { type: 'STATUS', value: 'Open' } },
      });
      expect(relayBodies().at(-1)).toMatchObject({
        event: 'status',
        status: { from: 'Open', to: 'Done', action: 'Finish' },
      });
      expect(sim.records(appId)[0]).toMatchObject({ ステータス: { value: 'Done' }, $revision: { value: '3' } });
      expect(eventTypes(reports).filter((type) => type === 'app.record.detail.show')).toHaveLength(2);
    } finally {
      await context.close();
    }
  });

  it('a rejected promise or false from proceed cancels the action', async () => {
    for (const options of [{ rejectProceed: true }, { proceedFalse: true }]) {
      const { context, page, reports } = await openSession(browser, sim, { options });
      try {
        await gotoReady(page, sim.urls.detail(appId, 1));
        await page.getByTestId('action-Finish').click();
        await waitForReport(reports, (report) => report.type === 'app.record.detail.process.proceed');
        await page.waitForFunction(
          () => !document.querySelector('[data-testid="action-Finish"]')?.hasAttribute('disabled'),
        );
        expect(sim.records(appId)[0]).toMatchObject({ ステータス: { value: 'Open' }, $revision: { value: '1' } });
        const state = await page.evaluate(() => (window as unknown as SimWindow).__kintoneSim);
        expect(state?.handlerErrors).toEqual(
          options.rejectProceed ? [{ type: 'app.record.detail.process.proceed', message: 'rejected by fixture' }] : [],
        );
      } finally {
        await context.close();
      }
    }
  });

  it('records fired events and notifications on the page for tests', async () => {
    const { context, page } = await openSession(browser, sim);
    try {
      await gotoReady(page, sim.urls.detail(appId, 1));
      await page.evaluate(async () => {
        await kintone.showNotification('INFO', 'first');
        await kintone.showNotification('ERROR', 'relay failed');
      });
      const banner = page.getByTestId('kintone-notification');
      await expect(banner.count()).resolves.toBe(1);
      await expect(banner.getAttribute('data-type')).resolves.toBe('ERROR');
      await expect(banner.textContent()).resolves.toContain('relay failed');
      const state = await page.evaluate(() => (window as unknown as SimWindow).__kintoneSim);
      expect(state?.notifications).toEqual([
        { type: 'INFO', message: 'first' },
        { type: 'ERROR', message: 'relay failed' },
      ]);
      expect(state?.events.map((entry) => entry.type)).toEqual(['app.record.detail.show']);
      const invalid = await page.evaluate(() =>
        kintone.showNotification('WARN', 'x').then(
          () => 'accepted',
          (error: unknown) => (error as Error).message,
        ),
      );
      expect(invalid).toMatch(/ERROR, SUCCESS, INFO/);
    } finally {
      await context.close();
    }
  });
});
