import type { Browser } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { KintoneSimulator } from './index';
import {
  eventOf,
  eventTypes,
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

describe('mobile screens', { timeout: 20_000 }, () => {
  const suite = setUpSimulatorSuite();
  let sim: KintoneSimulator;
  let browser: Browser;
  let relay: HttpReceiver;
  let appId: string;
  let guest = false;

  // Every other app lives in a guest space, so both URL families are exercised.
  beforeEach(() => {
    ({ sim, browser, relay } = suite);
    guest = !guest;
    appId = suite.addRelayApp(guest ? { guestSpaceId: '9' } : {});
  });

  it('loads only the mobile files and answers mobile APIs; there is no inline edit', async () => {
    const { context, page, reports } = await openSession(browser, sim);
    try {
      await gotoReady(page, sim.urls.mobileIndex(appId));
      expect(reports.filter((report) => report.kind === 'loaded')).toEqual([
        { kind: 'loaded', file: 'mobile', pluginId: sim.pluginId },
      ]);
      expect(await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--fixture-css').trim())).toBe(
        'mobile',
      );
      expect(eventTypes(reports)).toEqual(['mobile.app.record.index.show']);
      await expect(page.locator('[data-testid^="inline-edit-"]').count()).resolves.toBe(0);
      await expect(page.getByTestId('open-1').count()).resolves.toBe(1);
      const info = await page.evaluate(() => ({
        mobileAppId: kintone.mobile.app.getId(),
        desktopAppId: kintone.app.getId(),
        isMobile: kintone.isMobilePage(),
      }));
      expect(info).toEqual({ mobileAppId: Number(appId), desktopAppId: null, isMobile: true });
    } finally {
      await context.close();
    }
  });

  it('create fires mobile.app.record.create.submit.success and goes to the mobile detail screen', async () => {
    const { context, page, reports } = await openSession(browser, sim);
    try {
      await gotoReady(page, sim.urls.mobileCreate(appId));
      await page.getByLabel('Title').fill('From phone');
      await page.getByTestId('save').click();
      await page.waitForURL(sim.urls.mobileDetail(appId, 2));
      await waitReady(page);
      expect(eventTypes(reports)).toEqual([
        'mobile.app.record.create.show',
        'mobile.app.record.create.submit',
        'mobile.app.record.create.submit.success',
        'mobile.app.record.detail.show',
      ]);
      expect(eventOf(reports, 'mobile.app.record.create.submit.success')).toMatchObject({
        type: 'mobile.app.record.create.submit.success',
        appId: Number(appId),
        recordId: '2',
        record: { title: { value: 'From phone' }, $id: { value: '2' } },
      });
      expect(await page.evaluate(() => kintone.mobile.app.record.getId())).toBe(2);
      expect(relay.requests.at(-1)?.headers.authorization).toBe('Bearer stored-key');
    } finally {
      await context.close();
    }
  });

  it('edit fires mobile.app.record.edit.show and mobile.app.record.edit.submit.success', async () => {
    const { context, page, reports } = await openSession(browser, sim);
    try {
      await gotoReady(page, sim.urls.mobileEdit(appId, 1));
      await page.getByLabel('Title').fill('Edited on phone');
      await page.getByTestId('save').click();
      await page.waitForURL(sim.urls.mobileDetail(appId, 1));
      await waitReady(page);
      expect(eventTypes(reports)).toEqual([
        'mobile.app.record.edit.show',
        'mobile.app.record.edit.submit',
        'mobile.app.record.edit.submit.success',
        'mobile.app.record.detail.show',
      ]);
      expect(eventOf(reports, 'mobile.app.record.edit.submit.success')).toMatchObject({
        recordId: '1',
        record: { title: { value: 'Edited on phone' }, $revision: { value: '2' } },
      });
    } finally {
      await context.close();
    }
  });

  it('a process action fires mobile.app.record.detail.process.proceed', async () => {
    const { context, page, reports } = await openSession(browser, sim);
    try {
      await gotoReady(page, sim.urls.mobileDetail(appId, 1));
      await page.getByTestId('action-Finish').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent === 'Done');
      expect(eventOf(reports, 'mobile.app.record.detail.process.proceed')).toMatchObject({
        action: { value: 'Finish' },
        status: { value: 'Open' },
        nextStatus: { value: 'Done' },
      });
      await waitForReport(reports, (report) => report.kind === 'proxy');
    } finally {
      await context.close();
    }
  });

  it('uses kintone.mobile.showNotification; the desktop one is not available', async () => {
    const { context, page } = await openSession(browser, sim);
    try {
      await gotoReady(page, sim.urls.mobileDetail(appId, 1));
      const results = await page.evaluate(async () => {
        // Asynchronous, as documented: a Promise that resolves with no value, or rejects on misuse.
        const shown = await kintone.mobile.showNotification('SUCCESS', 'saved');
        const desktop = await kintone.showNotification('INFO', 'x').then(
          () => 'accepted',
          (error: unknown) => (error as Error).message,
        );
        return { shown, desktop };
      });
      expect(results.shown).toBeUndefined();
      expect(results.desktop).toMatch(/not available/);
      const state = await page.evaluate(() => (window as unknown as SimWindow).__kintoneSim);
      expect(state?.notifications).toEqual([{ type: 'SUCCESS', message: 'saved' }]);
      await expect(page.getByTestId('kintone-notification').getAttribute('data-type')).resolves.toBe('SUCCESS');
    } finally {
      await context.close();
    }
  });
});
