import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../tests/src/support/browser';
import { builtPluginZip } from '../../tests/src/support/plugin-zip';
import { formatSandboxBanner } from './sandbox-banner';
import { SALES_ROOM, SAMPLE_APP_NAME } from './sandbox-sample';
import { type Sandbox, SandboxError, startSandbox } from './sandbox-start';

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

async function occupyPort(): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** `pnpm sandbox` in-process: a record saved in Chromium on the sample app reaches the ChatWork fake. */
describe('the sandbox', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  let dataDir: string;
  let busy: Server;
  const notes: string[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'k2c-sandbox-'));
    busy = await occupyPort();
    const busyPort = (busy.address() as AddressInfo).port;
    [sandbox, browser] = await Promise.all([
      startSandbox({
        dataDir,
        pluginZip: builtPluginZip(),
        // The relay and kintone on random ports; ChatWork on a port that is taken, to see the fallback.
        ports: { relay: 0, kintone: 0, chatwork: busyPort },
        note: (line) => notes.push(line),
        logLevel: 'silent',
      }),
      launchBrowser(),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await sandbox?.close();
    await new Promise((resolve) => busy?.close(resolve));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('falls back to a free port, and says so, when a default port is taken', () => {
    const busyPort = (busy.address() as AddressInfo).port;
    expect(notes).toEqual([expect.stringContaining(`Port ${busyPort} (ChatWork) is in use`)]);
    expect(new URL(sandbox.urls.chatworkMessages).port).not.toBe(String(busyPort));
  });

  it('prints every URL, in Japanese first and English second', () => {
    const banner = formatSandboxBanner(sandbox);
    const english = banner.indexOf('The kintone2chatwork sandbox is running.');
    expect(banner.indexOf('お試し環境')).toBeGreaterThan(-1);
    expect(banner.indexOf('お試し環境')).toBeLessThan(english);
    for (const url of [
      sandbox.urls.recordList,
      sandbox.urls.createRecord,
      sandbox.urls.pluginSettings,
      sandbox.urls.chatworkMessages,
      sandbox.urls.relay,
      `${sandbox.urls.relay}/login`,
      sandbox.account.password,
    ]) {
      expect(banner.indexOf(url), url).toBeLessThan(english);
      expect(banner.lastIndexOf(url), url).toBeGreaterThan(english);
    }
    expect(sandbox.urls.chatworkMessages).toMatch(/\/__fake\/$/);
  });

  it('delivers a record saved on the sample app, and a status change, to 営業チーム', async () => {
    const { kintone, chatwork, urls } = sandbox;
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const ready = () =>
        page.waitForFunction(() => (globalThis as { __kintoneSim?: { ready?: boolean } }).__kintoneSim?.ready);
      // Nobody logged in: kintone opens as the Japanese admin, as the printed URLs promise.
      await page.goto(urls.createRecord);
      await ready();
      await page.getByLabel('件名').fill('新しい案件');
      await page.getByLabel('優先度').selectOption('高');
      await page.getByLabel('担当者').fill('sato');
      await page.getByLabel('期日').fill('2026-12-31');
      await page.getByTestId('save').click();
      await page.waitForURL(kintone.urls.detail(sandbox.appId, 2));
      await ready();

      const [created] = await chatwork.waitForMessages(1, { roomId: SALES_ROOM.roomId, timeoutMs: 15_000 });
      expect(created?.body).toBe(
        `[info][title]${SAMPLE_APP_NAME}: 新しい案件（新規作成）[/title]` +
          '優先度: 高　担当者: 佐藤 花子　期日: 2026-12-31\n' +
          `更新した人: 管理者 太郎\n${kintone.origin}/k/1/show#record=2[/info]`,
      );

      await page.getByTestId('action-対応開始').click();
      const [, moved] = await chatwork.waitForMessages(2, { roomId: SALES_ROOM.roomId, timeoutMs: 15_000 });
      expect(moved?.body).toContain('新しい案件（ステータス変更）');

      // The fake's message page, the one the banner points to, shows it too.
      await page.goto(urls.chatworkMessages);
      await expect.poll(() => page.textContent('body')).toContain('新しい案件');
    } finally {
      await context.close();
    }
  });

  it('refuses to wipe the data of a sandbox that is still running', async () => {
    await expect(startSandbox({ dataDir, pluginZip: builtPluginZip(), note: () => {} })).rejects.toThrow(SandboxError);
  });
});
