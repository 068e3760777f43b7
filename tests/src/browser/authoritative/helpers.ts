import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { KintoneSimulator } from '../../kintone-simulator/index';
import { waitReady } from '../runtime/pages';

/** A token shaped like kintone's: 40 letters and digits. */
export function newApiToken(): string {
  return randomBytes(20).toString('hex');
}

/** Opens the plug-in settings screen and waits until it is drawn (and, when configured, verified). */
export async function openSettings(page: Page, sim: KintoneSimulator, appId: string): Promise<void> {
  await page.goto(sim.urls.pluginSettings(appId));
  await page.locator('[data-testid="rule-editor"], [data-testid="editor-empty"]').first().waitFor();
}

/**
 * Save on the settings screen, then "Update App" on the app settings page it goes to; kintone then
 * returns to the app's record list, and the record screens have the new settings.
 */
export async function saveAndDeploy(page: Page, sim: KintoneSimulator, appId: string): Promise<void> {
  await page.getByTestId('save').click();
  await page.waitForURL(sim.urls.appSettings(appId));
  await page.getByTestId('deploy').click();
  await page.waitForURL(sim.urls.index(appId));
  await waitReady(page);
  expect(sim.proxyConfigs(appId, { deployed: true })).toEqual(sim.proxyConfigs(appId));
  expect(sim.pluginConfig(appId, { deployed: true })).toEqual(sim.pluginConfig(appId));
}

export interface ForgedAnswer {
  status: number;
  body: string;
}

/**
 * What any user who can open the app can do from the browser's developer tools on a record screen:
 * call the plug-in's proxy with a body of their own. kintone still adds the stored proxy data.
 */
export async function forgeNotification(
  page: Page,
  sim: KintoneSimulator,
  relayUrl: string,
  body: Record<string, unknown>,
): Promise<ForgedAnswer> {
  await waitReady(page);
  return page.evaluate(
    async ({ pluginId, url, data }) => {
      type Proxy = (
        pluginId: string,
        url: string,
        method: string,
        headers: Record<string, string>,
        data: Record<string, unknown>,
      ) => Promise<[string, number, Record<string, string>]>;
      const kintone = (window as unknown as { kintone: { plugin: { app: { proxy: Proxy } } } }).kintone;
      const [answer, status] = await kintone.plugin.app.proxy(
        pluginId,
        url,
        'POST',
        { 'Content-Type': 'application/json' },
        data,
      );
      return { status, body: answer };
    },
    { pluginId: sim.pluginId, url: `${relayUrl}/v1/notifications`, data: body },
  );
}
