import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { AppError } from '../errors';

/** Serves the packaged plug-in so an administrator can fetch it from the dashboard. */
export function downloadRoutes(pluginZipPath: string | undefined) {
  return new Hono().get('/plugin.zip', async (c) => {
    const zip = pluginZipPath ? await readFile(pluginZipPath).catch(() => undefined) : undefined;
    if (!zip) throw new AppError('not_found', 'The plug-in has not been built on this server (run pnpm build)');
    return c.body(zip, 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': 'attachment; filename="kintone2chatwork-plugin.zip"',
      'Cache-Control': 'no-cache',
    });
  });
}
