import type { Page } from 'playwright-core';
import type { KintoneSimBrowserState, KintoneSimulator, ProxyLogEntry } from '../../kintone-simulator/index';
import { gotoReady, waitReady } from '../../kintone-simulator/testing/browser-session';

interface SimWindow {
  __kintoneSim?: KintoneSimBrowserState;
}

export { gotoReady, waitReady } from '../../kintone-simulator/testing/browser-session';

/** Creates a record on the app's create screen and waits for kintone to show the saved record. */
export async function createRecord(page: Page, sim: KintoneSimulator, appId: string, title: string): Promise<void> {
  await gotoReady(page, sim.urls.create(appId));
  await page.getByLabel('件名').fill(title);
  await page.getByTestId('save').click();
  // The save is never held up by the notification: kintone moves on to the saved record.
  await page.waitForURL(sim.urls.detail(appId, 2));
  await waitReady(page);
}

export interface ShownNotice {
  type: string;
  message: string;
}

/** kintone notifications shown on the current page, oldest first. */
export async function notices(page: Page): Promise<ShownNotice[]> {
  return page.evaluate(() => (window as unknown as SimWindow).__kintoneSim?.notifications ?? []);
}

/** Waits for the first kintone notification on the current page and checks it is on screen. */
export async function waitForNotice(page: Page, timeoutMs = 10_000): Promise<ShownNotice> {
  await page.waitForFunction(() => ((window as unknown as SimWindow).__kintoneSim?.notifications.length ?? 0) > 0, {
    timeout: timeoutMs,
  });
  const [first] = await notices(page);
  if (!first) throw new Error('no notice');
  const banner = page.getByTestId('kintone-notification');
  await banner.waitFor({ state: 'visible', timeout: timeoutMs });
  return first;
}

export interface NotificationCall {
  entry: ProxyLogEntry;
  /** The body the relay received: what the plug-in sent, merged with the stored proxy data. */
  body: Record<string, unknown> & { record?: Record<string, { type: string; value: unknown }> };
  /** The relay's answer, parsed; null when there was none. */
  response: unknown;
}

/** Every call kintone's proxy made to `/v1/notifications` for one app, oldest first. */
export function notificationCalls(sim: KintoneSimulator, appId: string): NotificationCall[] {
  return sim
    .proxyLog()
    .filter((entry) => entry.url.endsWith('/v1/notifications'))
    .map((entry) => ({
      entry,
      body: parse(entry.requestBody) as NotificationCall['body'],
      response: parse(entry.responseBody),
    }))
    .filter((call) => call.body.appId === appId);
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
