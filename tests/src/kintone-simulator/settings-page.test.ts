import type { Browser } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { KintoneSimulator } from './index';
import {
  gotoReady,
  type KintoneForTests,
  openSession,
  type SimWindow,
  waitForReport,
  waitReady,
} from './testing/browser-session';
import { sampleApp } from './testing/sample-apps';
import { setUpSimulatorSuite } from './testing/simulator-suite';

declare const kintone: KintoneForTests;

const RELAY = 'https://relay.example.com';

describe('plug-in settings screen', { timeout: 20_000 }, () => {
  const suite = setUpSimulatorSuite({ apps: ['1', '2', '3', '4', '5'].map((id) => sampleApp(id)) });
  let sim: KintoneSimulator;
  let browser: Browser;

  beforeEach(() => {
    ({ sim, browser } = suite);
  });

  it('inserts config.html, runs config.js with $PLUGIN_ID, and saves config then proxy config', async () => {
    const { context, page, reports } = await openSession(browser, sim);
    try {
      await gotoReady(page, sim.urls.pluginSettings('1'));
      expect(reports).toContainEqual({ kind: 'loaded', file: 'config', pluginId: sim.pluginId });
      expect(await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--fixture-css').trim())).toBe(
        'config',
      );
      await page.fill('#relay-url', RELAY);
      await page.fill('#relay-key', 'secret-key');
      await page.click('#save-sequential');
      // The fixture follows the settings convention: ../../flow?app=<id>.
      await page.waitForURL(sim.urls.appSettings('1'));

      expect(sim.pluginConfig('1')).toEqual({ relayUrl: RELAY, appName: 'Fixture app' });
      expect(sim.proxyConfigs('1')).toEqual([
        {
          url: `${RELAY}/v1/notifications`,
          method: 'POST',
          headers: { Authorization: 'Bearer secret-key' },
          data: { kintoneHost: new URL(sim.origin).host, appName: 'stored-app-name' },
        },
      ]);
      // Nothing reaches record screens before "Update App".
      expect(sim.pluginConfig('1', { deployed: true })).toBeNull();
      expect(sim.proxyConfigs('1', { deployed: true })).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows saved values again, and record screens see them only after Update App', async () => {
    const { context, page } = await openSession(browser, sim);
    try {
      await gotoReady(page, sim.urls.index('1'));
      expect(await page.evaluate(() => (window as unknown as SimWindow).fixtureConfig)).toEqual({});

      await gotoReady(page, sim.urls.pluginSettings('1'));
      expect(await page.inputValue('#relay-url')).toBe(RELAY);
      expect(await page.inputValue('#relay-key')).toBe('secret-key');

      await gotoReady(page, sim.urls.appSettings('1'));
      await expect(page.getByTestId('pending-changes').isVisible()).resolves.toBe(true);
      await page.getByTestId('deploy').click();
      await page.waitForURL(sim.urls.index('1'));
      await waitReady(page);
      expect(await page.evaluate(() => (window as unknown as SimWindow).fixtureConfig)).toEqual({
        relayUrl: RELAY,
        appName: 'Fixture app',
      });
      expect(sim.proxyConfigs('1', { deployed: true })).toEqual(sim.proxyConfigs('1'));
      // Record screens cannot read the stored secret.
      expect(
        await page.evaluate(() =>
          kintone.plugin.app.getProxyConfig('https://relay.example.com/v1/notifications', 'POST'),
        ),
      ).toBeNull();
    } finally {
      await context.close();
    }
  });

  it('fails a save that overlaps another with kintone’s database lock error', async () => {
    const { context, page, reports, pageErrors } = await openSession(browser, sim);
    try {
      await gotoReady(page, sim.urls.pluginSettings('2'));
      await page.fill('#relay-url', RELAY);
      await page.fill('#relay-key', 'k');
      await page.click('#save-overlapping');
      await waitForReport(reports, (report) => report.kind === 'saved');
      await page.waitForFunction(() => ((window as unknown as SimWindow).__kintoneSim?.errors.length ?? 0) > 0);
      const state = await page.evaluate(() => (window as unknown as SimWindow).__kintoneSim);
      expect(state?.errors[0]?.message).toContain('データベースのロックに失敗しました');
      await expect(page.getByTestId('kintone-error-dialog').textContent()).resolves.toContain('データベースのロック');
      await expect
        .poll(() => pageErrors.map((error) => error.message).join())
        .toContain('データベースのロックに失敗しました');
      // The first save went through; the overlapping one neither saved nor called its callback.
      expect(reports.filter((report) => report.kind === 'saved')).toEqual([{ kind: 'saved', what: 'config' }]);
      expect(sim.pluginConfig('2')).toEqual({ relayUrl: RELAY, appName: 'Fixture app' });
      expect(sim.proxyConfigs('2')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('goes to the plug-in list after setConfig without a callback', async () => {
    const { context, page } = await openSession(browser, sim);
    try {
      await gotoReady(page, sim.urls.pluginList('3'));
      await expect(page.getByTestId('plugin-required-missing').isVisible()).resolves.toBe(true);
      await gotoReady(page, sim.urls.pluginSettings('3'));
      await page.fill('#relay-url', RELAY);
      await page.click('#save-no-callback');
      await page.waitForURL(`${sim.urls.pluginList('3')}?saved=1`);
      await expect(page.getByTestId('plugin-saved').isVisible()).resolves.toBe(true);
      await expect(page.getByTestId('plugin-required-missing').count()).resolves.toBe(0);
      expect(sim.pluginConfig('3')).toEqual({ relayUrl: RELAY, appName: 'Fixture app' });
    } finally {
      await context.close();
    }
  });

  it('enforces setConfig and setProxyConfig argument rules', async () => {
    const { context, page } = await openSession(browser, sim);
    try {
      await gotoReady(page, sim.urls.pluginSettings('4'));
      const errors = await page.evaluate(() => {
        const attempt = (run: () => void) => {
          try {
            run();
            return 'accepted';
          } catch (error) {
            return (error as Error).message;
          }
        };
        const { app } = kintone.plugin;
        return {
          number: attempt(() => app.setConfig({ a: 1 })),
          nested: attempt(() => app.setProxyConfig('https://x.example/', 'POST', {}, { a: { b: 'c' } })),
          method: attempt(() => app.setProxyConfig('https://x.example/', 'PATCH', {}, {})),
          tooLong: attempt(() => app.setConfig({ a: 'x'.repeat(65_536) })),
          tooBig: attempt(() =>
            app.setConfig(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`k${i}`, 'x'.repeat(60_000)]))),
          ),
        };
      });
      expect(errors.number).toMatch(/strings/);
      expect(errors.nested).toMatch(/no nested values/);
      expect(errors.method).toMatch(/method/);
      expect(errors.tooLong).toMatch(/65535 characters/);
      expect(errors.tooBig).toMatch(/262144 bytes/);

      // {} / {} deletes a proxy entry; getProxyConfig matches url+method exactly.
      const proxy = await page.evaluate(async () => {
        const { app } = kintone.plugin;
        const save = (...args: [string, string, unknown, unknown]) =>
          new Promise<void>((resolve) => app.setProxyConfig(...args, resolve));
        await save('https://x.example/api', 'POST', { 'X-Key': 'v' }, { d: '1' });
        const saved = app.getProxyConfig('https://x.example/api', 'POST');
        const otherMethod = app.getProxyConfig('https://x.example/api', 'PUT');
        const prefixOnly = app.getProxyConfig('https://x.example/api/more', 'POST');
        await save('https://x.example/api', 'POST', {}, {});
        return { saved, otherMethod, prefixOnly, deleted: app.getProxyConfig('https://x.example/api', 'POST') };
      });
      expect(proxy).toEqual({
        saved: { headers: { 'X-Key': 'v' }, data: { d: '1' } },
        otherMethod: null,
        prefixOnly: null,
        deleted: null,
      });
      expect(sim.proxyConfigs('4')).toEqual([]);

      await gotoReady(page, sim.urls.index('4'));
      const onRecordScreen = await page.evaluate(() => {
        try {
          kintone.plugin.app.setConfig({ a: 'b' });
          return 'accepted';
        } catch (error) {
          return (error as Error).message;
        }
      });
      expect(onRecordScreen).toMatch(/only be used on the plug-in settings screen/);
    } finally {
      await context.close();
    }
  });

  it('keeps non-admins out of the settings screens', async () => {
    const { context, page } = await openSession(browser, sim, { user: 'sato' });
    try {
      for (const url of [sim.urls.pluginSettings('5'), sim.urls.appSettings('5'), sim.urls.pluginList('5')]) {
        const response = await page.goto(url);
        expect(response?.status()).toBe(403);
      }
      const wrongPlugin = await page.goto(sim.urls.pluginSettings('5').replace(sim.pluginId, 'a'.repeat(32)));
      expect(wrongPlugin?.status()).toBe(403);
    } finally {
      await context.close();
    }
  });
});
