import { access, constants } from 'node:fs/promises';
import { type Browser, chromium } from 'playwright-core';

const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Launches the system Chromium headless. Browser tests never download a browser and never skip:
 * a missing binary is a broken test machine, so it fails loudly with the fix.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium not found at ${executablePath}. Install Debian's chromium package (sudo apt-get install chromium) ` +
        'or set CHROMIUM_PATH to a Chromium/Chrome binary.',
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
