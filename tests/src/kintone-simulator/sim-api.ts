import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { authenticateRest, checkAppAdmin } from './auth';
import { isStringMap } from './guards';
import { readJsonObject, sendError, sendJson } from './http-io';
import { KintoneError, kintoneErrors } from './kintone-error';
import { findProxyConfig, forwardProxyRequest, PROXY_METHODS } from './proxy-forward';
import { type AppState, copySettings, type SimState } from './state';
import type { SimUser } from './types';

/** How long a settings save holds the app's lock: long enough that overlapping saves really overlap. */
const SETTINGS_SAVE_MS = 150;

interface SimApiContext {
  state: SimState;
  user: SimUser;
  body: Record<string, unknown>;
}

type SimApiHandler = (context: SimApiContext) => Promise<unknown>;

const handlers: Record<string, SimApiHandler> = {
  'plugin-config': savePluginConfig,
  'plugin-proxy-config': saveProxyConfig,
  deploy: deploySettings,
  proxy: proxyRequest,
};

/** The simulator's private endpoints behind the browser `kintone` object (`POST /__sim/api/<name>`). */
export async function handleSimApi(
  state: SimState,
  req: IncomingMessage,
  res: ServerResponse,
  name: string,
): Promise<void> {
  try {
    const handler = handlers[name];
    if (!handler || req.method !== 'POST') throw kintoneErrors.apiNotFound();
    const body = await readJsonObject(req);
    const caller = authenticateRest(state, req, 'POST', body.__REQUEST_TOKEN__);
    if (caller.kind !== 'session') throw kintoneErrors.unauthenticated();
    sendJson(res, 200, await handler({ state, user: caller.user, body }));
  } catch (error) {
    sendError(res, error);
  }
}

function requireAdmin(context: SimApiContext): void {
  checkAppAdmin({ kind: 'session', user: context.user });
}

function appOf(context: SimApiContext): AppState {
  const id = String(context.body.app ?? '');
  const appState = context.state.apps.get(id);
  if (!appState) throw kintoneErrors.appNotFound(id);
  return appState;
}

function checkPluginId(context: SimApiContext): void {
  if (context.body.pluginId !== context.state.plugin.id) {
    throw new KintoneError(
      404,
      'SIM_PLUGIN_NOT_FOUND',
      `指定したプラグイン（id: ${String(context.body.pluginId)}）が見つかりません。`,
    );
  }
}

/**
 * Settings saves on one app are serialised by kintone's database lock; a save that arrives while another
 * is in flight fails with "データベースのロックに失敗しました" (reported by plug-in authors, see the
 * reference notes §2.2), so a plug-in must wait for each save's callback before the next.
 */
async function withSettingsLock(appState: AppState, save: () => void): Promise<void> {
  if (appState.saving) {
    throw new KintoneError(
      409,
      'SIM_DB_LOCK',
      'データベースのロックに失敗しました。しばらくしてから再度お試しください。',
    );
  }
  appState.saving = true;
  try {
    await sleep(SETTINGS_SAVE_MS);
    save();
  } finally {
    appState.saving = false;
  }
}

async function savePluginConfig(context: SimApiContext): Promise<unknown> {
  requireAdmin(context);
  const appState = appOf(context);
  checkPluginId(context);
  const { config } = context.body;
  if (!isStringMap(config))
    throw kintoneErrors.validation({ config: { messages: ['値は文字列でなければなりません。'] } });
  await withSettingsLock(appState, () => {
    appState.pending.config = { ...config };
  });
  return {};
}

async function saveProxyConfig(context: SimApiContext): Promise<unknown> {
  requireAdmin(context);
  const appState = appOf(context);
  checkPluginId(context);
  const { url, method, headers, data } = context.body;
  if (typeof url !== 'string' || !PROXY_METHODS.some((allowed) => allowed === method)) {
    throw kintoneErrors.validation({ method: { messages: ['GET, POST, PUT, DELETE のいずれかです。'] } });
  }
  if (!isStringMap(headers) || !isStringMap(data)) {
    throw kintoneErrors.validation({ headers: { messages: ['値は文字列でなければなりません。'] } });
  }
  await withSettingsLock(appState, () => {
    const others = appState.pending.proxy.filter((entry) => entry.url !== url || entry.method !== method);
    // Saving {} / {} for a url+method is how kintone deletes that entry.
    const isDelete = Object.keys(headers).length === 0 && Object.keys(data).length === 0;
    appState.pending.proxy = isDelete ? others : [...others, { url, method: String(method), headers, data }];
  });
  return {};
}

/** "Update App": only now do record screens and the proxy see the saved plug-in settings. */
async function deploySettings(context: SimApiContext): Promise<unknown> {
  requireAdmin(context);
  const appState = appOf(context);
  appState.deployed = copySettings(appState.pending);
  return {};
}

async function proxyRequest(context: SimApiContext): Promise<unknown> {
  const appState = appOf(context);
  const { url, method, headers, data, pluginId, pending } = context.body;
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
    return { ok: false, errorBody: JSON.stringify({ code: 'CB_VA01', message: 'url must be an http(s) URL' }) };
  }
  // Methods must be written as documented (upper case); matching a stored entry is exact, so a lax
  // "post" would silently lose the stored headers. Refusing it is the stricter choice.
  if (!PROXY_METHODS.some((allowed) => allowed === method) || !isStringMap(headers ?? {})) {
    return { ok: false, errorBody: JSON.stringify({ code: 'CB_VA01', message: 'invalid method or headers' }) };
  }
  let stored: ReturnType<typeof findProxyConfig>;
  if (pluginId !== undefined && pluginId !== null) {
    checkPluginId(context);
    // The settings screen (admin only) works with the saved settings; record screens only see deployed ones.
    if (pending === true) requireAdmin(context);
    const settings = pending === true ? appState.pending : appState.deployed;
    stored = findProxyConfig(settings.proxy, url, String(method));
  }
  const request = { url, method: String(method), headers: (headers ?? {}) as Record<string, string>, data };
  return forwardProxyRequest(request, stored, context.state.proxyLog);
}
