import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The id of the focused element, for keyboard assertions. */
export function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

export async function expectFocused(page: Page, id: string): Promise<void> {
  await expect.poll(() => focusedId(page)).toBe(id);
}

/** Relay URL and key, then "Verify connection", waiting for the company line. */
export async function connect(page: Page, relayUrl: string, key: string): Promise<void> {
  await page.getByTestId('relay-url').fill(relayUrl);
  await page.getByTestId('connection-key').fill(key);
  await page.getByTestId('verify-connection').click();
  await page.getByTestId('connection-company').waitFor();
}

/** Presses Tab until `id` has focus (at most `limit` times): proves it is reachable by keyboard. */
export async function tabTo(page: Page, id: string, limit = 150): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if ((await focusedId(page)) === id) return presses;
  }
  throw new Error(`#${id} never got focus with Tab (${limit} presses); last focus: #${await focusedId(page)}`);
}

export function readProxyKey(entry: { headers: Record<string, string> } | undefined): string | undefined {
  return entry?.headers.Authorization?.replace(/^Bearer /, '');
}
