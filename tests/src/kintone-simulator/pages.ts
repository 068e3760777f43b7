import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestTokenFor, SESSION_COOKIE, sessionUser } from './auth';
import { builtInCodes, dataFields, defaultValue } from './fields';
import { sendHtml } from './http-io';
import {
  appPaths,
  appSettingsPath,
  isAdminRoute,
  type PageRoute,
  parsePagePath,
  pluginListPath,
  pluginSettingsPath,
} from './page-paths';
import { escapeHtml, type PluginAssets, renderPage } from './page-shell';
import { isRemoteFile, type PluginFileSet } from './plugin-package';
import type { AppState, SimState } from './state';
import type { SimUser } from './types';

type AppRoute = Exclude<PageRoute, { kind: 'portal' }>;

/** Serves a kintone screen. Returns false when the path is not one. */
export function handlePage(state: SimState, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  const route = parsePagePath(url);
  if (!route) return false;
  const { user, setCookie } = pageUser(state, req, url);
  const headers: Record<string, string> = setCookie
    ? { 'set-cookie': `${SESSION_COOKIE}=${encodeURIComponent(user.code)}; Path=/; SameSite=Lax` }
    : {};
  const send = (status: number, html: string) => sendHtml(res, status, html, headers);
  if (route.kind === 'portal') {
    send(200, portalPage(state, user));
    return true;
  }
  const appState = state.apps.get(route.appId);
  // A guest-space app exists only under its guest path, and a normal app only outside guest paths.
  if (!appState || (appState.app.guestSpaceId ?? null) !== route.guestSpaceId) {
    send(404, errorPage(state, user, 'アプリが見つかりません。/ The app was not found.'));
    return true;
  }
  if (isAdminRoute(route) && !user.isAdmin) {
    send(
      403,
      errorPage(state, user, 'アプリを管理する権限がありません。/ You do not have permission to manage this app.'),
    );
    return true;
  }
  if (route.kind === 'settings' && url.searchParams.get('pluginId') !== state.plugin.id) {
    send(404, errorPage(state, user, 'プラグインが見つかりません。/ The plug-in was not found.'));
    return true;
  }
  send(200, appPage(state, route, user, appState, url));
  return true;
}

/** `?__user=<code>` switches user; otherwise the session cookie; otherwise the first (admin) user, as if logged in. */
function pageUser(state: SimState, req: IncomingMessage, url: URL): { user: SimUser; setCookie: boolean } {
  const requested = url.searchParams.get('__user');
  const switched = requested ? state.users.find((user) => user.code === requested) : undefined;
  if (switched) return { user: switched, setCookie: true };
  const current = sessionUser(state, req);
  if (current) return { user: current, setCookie: false };
  const fallback = state.users[0];
  if (!fallback) throw new Error('The simulator has no users');
  return { user: fallback, setCookie: true };
}

/** What every page's runtime needs about the session: `kintone.getLoginUser()`, the CSRF token, the plug-in id. */
function sessionContext(state: SimState, user: SimUser) {
  return { user: loginUser(state, user), requestToken: requestTokenFor(state, user.code), pluginId: state.plugin.id };
}

function loginUser(state: SimState, user: SimUser): Record<string, unknown> {
  return {
    id: String(state.users.indexOf(user) + 1),
    code: user.code,
    name: user.name,
    email: user.email ?? '',
    url: '',
    employeeNumber: '',
    phone: '',
    mobilePhone: '',
    extensionNumber: '',
    timezone: user.timezone ?? 'Asia/Tokyo',
    isGuest: false,
    language: user.language ?? 'ja',
  };
}

function appPage(state: SimState, route: AppRoute, user: SimUser, appState: AppState, url: URL): string {
  const { app } = appState;
  const isSettings = route.kind === 'settings';
  const paths = appPaths(app, route.mobile);
  const context = {
    kind: route.kind,
    mobile: route.mobile,
    app: {
      id: Number(app.id),
      name: app.name,
      guestSpaceId: app.guestSpaceId ?? null,
      fields: dataFields(app),
      // What the create screen starts with: the same defaults a REST create applies.
      newRecord: Object.fromEntries(
        dataFields(app).map((field) => [field.code, { type: field.type, value: defaultValue(field) }]),
      ),
      codes: builtInCodes(app),
      process: app.process ?? null,
    },
    recordId: 'recordId' in route ? route.recordId : null,
    ...sessionContext(state, user),
    // Record screens only ever see what "Update App" deployed; the settings screen sees the latest save.
    pluginConfig: isSettings ? appState.pending.config : appState.deployed.config,
    proxyConfigs: isSettings ? appState.pending.proxy : null,
    paths: {
      index: paths.index,
      create: paths.create,
      detail: paths.detail('{id}'),
      edit: paths.edit('{id}'),
      pluginList: pluginListPath(app),
      appSettings: appSettingsPath(app),
    },
  };
  const files = pluginFilesFor(state, route);
  return renderPage({
    title: isAdminRoute(route) ? `${app.name} — ${adminTitle(route.kind)}` : app.name,
    mobile: route.mobile,
    context,
    main: mainFor(state, route, appState, url),
    plugin: files ? pluginAssets(state, files) : undefined,
  });
}

/** Record screens load desktop or mobile files, the settings screen the config files, other admin screens none. */
function pluginFilesFor(state: SimState, route: AppRoute): PluginFileSet | undefined {
  const { manifest } = state.plugin;
  if (route.kind === 'settings') return manifest.config;
  if (isAdminRoute(route)) return undefined;
  return route.mobile ? manifest.mobile : manifest.desktop;
}

function pluginAssets(state: SimState, files: PluginFileSet): PluginAssets {
  const href = (path: string) => (isRemoteFile(path) ? path : `/__sim/plugin/${state.plugin.id}/${path}`);
  return { pluginId: state.plugin.id, css: (files.css ?? []).map(href), js: (files.js ?? []).map(href) };
}

function adminTitle(kind: AppRoute['kind']): string {
  if (kind === 'settings') return 'プラグインの設定 / Plug-in settings';
  if (kind === 'plugin-list') return 'プラグイン / Plug-ins';
  return 'アプリの設定 / App settings';
}

function mainFor(state: SimState, route: AppRoute, appState: AppState, url: URL): string {
  switch (route.kind) {
    case 'index':
      return indexMain(appState, route.mobile);
    case 'settings':
      return settingsMain(state);
    case 'plugin-list':
      return pluginListMain(state, appState, url);
    case 'flow':
      return flowMain(appState);
    default:
      return recordMain();
  }
}

function recordMain(): string {
  return `<div class="sim-record-header"><div id="sim-header-menu-space" class="sim-header-menu-space"></div></div>
<div class="sim-record-error" data-testid="record-error" hidden></div>
<div class="sim-status-bar" id="sim-status-bar" hidden></div>
<form class="sim-record-form" id="sim-record-form" novalidate></form>
<div class="sim-record-actions" id="sim-record-actions"></div>`;
}

function indexMain(appState: AppState, mobile: boolean): string {
  const create = appPaths(appState.app, mobile).create;
  // The browser renders the columns and rows (list-screen.js), so the two cannot disagree.
  return `<div id="sim-header-space" class="sim-header-space"></div>
<div class="sim-toolbar"><div id="sim-header-menu-space" class="sim-header-menu-space"></div><a class="sim-button" data-testid="create-record" href="${escapeHtml(create)}">＋ レコードを追加 / Add record</a></div>
<div class="sim-record-error" data-testid="record-error" hidden></div>
<table class="sim-record-list" data-testid="record-list"><thead id="sim-record-head"></thead><tbody id="sim-record-rows"></tbody></table>`;
}

function settingsMain(state: SimState): string {
  const htmlPath = state.plugin.manifest.config?.html;
  const html = htmlPath ? new TextDecoder().decode(state.plugin.files.get(htmlPath)) : '';
  return `<h1 class="sim-page-title">${escapeHtml(pluginName(state))}</h1>
<div id="sim-plugin-config" class="sim-plugin-config">
${html}
</div>`;
}

function pluginListMain(state: SimState, appState: AppState, url: URL): string {
  const required = state.plugin.manifest.config?.required_params ?? [];
  const config = appState.pending.config ?? {};
  const missing = required.some((key) => !(key in config));
  const saved =
    url.searchParams.get('saved') === '1'
      ? '<p class="sim-message" data-testid="plugin-saved">設定を保存しました。アプリを更新してください。/ Settings saved. Update the app to apply them.</p>'
      : '';
  const warning = missing
    ? '<p class="sim-warning" data-testid="plugin-required-missing">必須項目が設定されていません。/ Required settings are missing.</p>'
    : '';
  return `<h1 class="sim-page-title">プラグイン / Plug-ins</h1>
${saved}
<ul class="sim-plugin-list">
<li data-plugin-id="${state.plugin.id}"><span>${escapeHtml(pluginName(state))}</span> ${warning}
<a data-testid="plugin-settings-link" href="${escapeHtml(pluginSettingsPath(appState.app, state.plugin.id))}">設定 / Settings</a></li>
</ul>
<a data-testid="app-settings-link" href="${escapeHtml(appSettingsPath(appState.app))}">アプリの設定へ戻る / Back to app settings</a>`;
}

function flowMain(appState: AppState): string {
  const changed = JSON.stringify(appState.pending) !== JSON.stringify(appState.deployed);
  const notice = changed
    ? '<p class="sim-warning" data-testid="pending-changes">アプリに反映されていない変更があります。/ Some changes are not applied yet.</p>'
    : '';
  return `<h1 class="sim-page-title">アプリの設定 / App settings: ${escapeHtml(appState.app.name)}</h1>
${notice}
<p><a data-testid="plugin-list-link" href="${escapeHtml(pluginListPath(appState.app))}">プラグイン / Plug-ins</a></p>
<button type="button" class="sim-button sim-button-primary" data-testid="deploy">アプリを更新 / Update App</button>`;
}

function portalPage(state: SimState, user: SimUser): string {
  const items = [...state.apps.values()].map(({ app }) => {
    const href = appPaths(app, false).index;
    return `<li><a href="${escapeHtml(href)}" data-app-id="${escapeHtml(app.id)}">${escapeHtml(app.name)}</a></li>`;
  });
  return simplePage(state, user, 'ポータル / Portal', `<ul class="sim-app-list">${items.join('')}</ul>`);
}

function errorPage(state: SimState, user: SimUser, message: string): string {
  return simplePage(
    state,
    user,
    'エラー / Error',
    `<p class="sim-warning" data-testid="page-error">${escapeHtml(message)}</p>`,
  );
}

function simplePage(state: SimState, user: SimUser, title: string, main: string): string {
  const context = {
    kind: 'portal',
    mobile: false,
    app: null,
    recordId: null,
    ...sessionContext(state, user),
    pluginConfig: null,
    proxyConfigs: null,
    paths: null,
  };
  return renderPage({ title, mobile: false, context, main });
}

function pluginName(state: SimState): string {
  const { name } = state.plugin.manifest;
  return name.ja ?? name.en ?? state.plugin.id;
}
