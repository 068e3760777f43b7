import type { Page } from 'playwright-core';
import type { KintoneSimBrowserState, KintoneSimulator, ProxyLogEntry } from '../../kintone-simulator/index';

interface SimWindow {
  __kintoneSim?: KintoneSimBrowserState;
}

/** Waits until the screen is rendered and its show handlers (the plug-in's included) have run. */
export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as SimWindow).__kintoneSim?.ready === true);
}

/**
 * Opens a screen with a full page load. Desktop detail and edit differ only in the hash, which would be
 * a same-document navigation (the simulator then reloads, as kintone does, racing the ready check).
 */
export async function gotoReady(page: Page, url: string): Promise<void> {
  if (page.url().split('#')[0] === url.split('#')[0]) await page.goto('about:blank');
  await page.goto(url);
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
