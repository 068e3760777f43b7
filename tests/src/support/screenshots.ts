import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const SCREENSHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/**
 * Writes `docs/screenshots/<name>.png` when K2C_SCREENSHOTS=1 (the README's pictures), at the
 * page's viewport, scrolled to the top.
 */
export async function maybeScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.K2C_SCREENSHOTS !== '1') return;
  const path = `${SCREENSHOTS}${name}.png`;
  await mkdir(dirname(path), { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path });
}
