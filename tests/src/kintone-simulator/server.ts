import { readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { contentTypeOf, sendBytes, sendError, sendHtml } from './http-io';
import { handlePage } from './pages';
import { handleRestApi } from './rest-api';
import { handleSimApi } from './sim-api';
import type { SimState } from './state';

const REST_PATH = /^\/k\/(?:guest\/(\d+)\/)?v1\/(.+)\.json$/;

/** The browser runtime (plain JS, served as-is) read once, so a request never touches the disk. */
export async function loadBrowserAssets(): Promise<Map<string, Uint8Array>> {
  const dir = new URL('./browser/', import.meta.url);
  const names = await readdir(dir);
  const entries = await Promise.all(names.map(async (name) => [name, await readFile(new URL(name, dir))] as const));
  return new Map(entries);
}

export function createSimulatorServer(state: SimState, assets: Map<string, Uint8Array>): Server {
  return createServer((req, res) => {
    route(state, assets, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, error);
      else res.destroy();
    });
  });
}

async function route(
  state: SimState,
  assets: Map<string, Uint8Array>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator.invalid');
  const path = url.pathname;
  if (path.startsWith('/__sim/static/')) {
    const name = path.slice('/__sim/static/'.length);
    const asset = assets.get(name);
    if (asset) return sendBytes(res, asset, contentTypeOf(name));
    return notFound(res);
  }
  const pluginPrefix = `/__sim/plugin/${state.plugin.id}/`;
  if (path.startsWith(pluginPrefix)) {
    const name = decodeURIComponent(path.slice(pluginPrefix.length));
    const file = state.plugin.files.get(name);
    if (file) return sendBytes(res, file, contentTypeOf(name));
    return notFound(res);
  }
  if (path.startsWith('/__sim/api/')) return handleSimApi(state, req, res, path.slice('/__sim/api/'.length));
  const rest = REST_PATH.exec(path);
  if (rest?.[2]) return handleRestApi(state, req, res, url, { resource: rest[2], guestSpaceId: rest[1] ?? null });
  if (req.method === 'GET' && handlePage(state, req, res, url)) return;
  notFound(res);
}

function notFound(res: ServerResponse): void {
  sendHtml(res, 404, '<!doctype html><title>404</title><p>見つかりません。/ Not found.</p>');
}
