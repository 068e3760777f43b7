import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { addAppState } from './app-state';
import { SESSION_COOKIE } from './auth';
import { appPaths, appSettingsPath, pluginListPath, pluginSettingsPath } from './page-paths';
import { readPluginPackage } from './plugin-package';
import { formatRecord } from './record-values';
import { createSimulatorServer, loadBrowserAssets } from './server';
import { type AppState, copySettings, createState, type SimState } from './state';
import type { KintoneSimulator, KintoneSimulatorOptions, SimApp, SimulatorUrls } from './types';

export { pluginIdFromPublicKey, readPluginPackage } from './plugin-package';
export type {
  KintoneRecord,
  KintoneSimBrowserState,
  KintoneSimulator,
  KintoneSimulatorOptions,
  PluginSettings,
  ProxyConfigEntry,
  ProxyLogEntry,
  SimApp,
  SimField,
  SimProcess,
  SimRecordInput,
  SimUser,
  SimulatorUrls,
} from './types';

/**
 * Starts a local imitation of kintone that runs a real, signed plug-in: its screens, the browser `kintone`
 * object, the plug-in settings/proxy machinery and the REST API. See README.md beside this file.
 */
export async function startKintoneSimulator(options: KintoneSimulatorOptions): Promise<KintoneSimulator> {
  const zip = typeof options.pluginZip === 'string' ? await readFile(options.pluginZip) : options.pluginZip;
  const state = createState(readPluginPackage(new Uint8Array(zip)), options.users ?? []);
  for (const app of options.apps ?? []) addAppState(state, app);
  const server = createSimulatorServer(state, await loadBrowserAssets());
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const origin = `http://${host}:${(server.address() as AddressInfo).port}`;
  const appState = (appId: string) => requireApp(state, appId);

  return {
    origin,
    pluginId: state.plugin.id,
    manifest: state.plugin.manifest,
    urls: simulatorUrls(origin, state),
    addApp: (app) => {
      addAppState(state, app);
    },
    addUser: (user) => {
      if (state.users.some((existing) => existing.code === user.code)) throw new Error(`User ${user.code} exists`);
      state.users.push({ ...user, isAdmin: user.isAdmin ?? false });
    },
    loginAs: async (context, userCode) => {
      if (!state.users.some((user) => user.code === userCode)) throw new Error(`Unknown simulator user ${userCode}`);
      await context.addCookies([{ name: SESSION_COOKIE, value: encodeURIComponent(userCode), url: origin }]);
    },
    records: (appId) => {
      const current = appState(appId);
      return [...current.records.values()].sort((a, b) => a.id - b.id).map((record) => formatRecord(current, record));
    },
    pluginConfig: (appId, { deployed = false } = {}) => {
      const config = settingsOf(appState(appId), deployed).config;
      return config ? { ...config } : null;
    },
    proxyConfigs: (appId, { deployed = false } = {}) => structuredClone(settingsOf(appState(appId), deployed).proxy),
    seedPluginSettings: (appId, settings) => {
      const current = appState(appId);
      current.pending = structuredClone({ config: settings.config, proxy: settings.proxy });
      current.deployed = copySettings(current.pending);
    },
    proxyLog: () => structuredClone(state.proxyLog),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function requireApp(state: SimState, appId: string): AppState {
  const found = state.apps.get(appId);
  if (!found) throw new Error(`Unknown simulator app ${appId}`);
  return found;
}

function settingsOf(appState: AppState, deployed: boolean) {
  return deployed ? appState.deployed : appState.pending;
}

function simulatorUrls(origin: string, state: SimState): SimulatorUrls {
  const app = (appId: string): SimApp => requireApp(state, appId).app;
  const desktop = (appId: string) => appPaths(app(appId), false);
  const mobile = (appId: string) => appPaths(app(appId), true);
  return {
    index: (appId) => origin + desktop(appId).index,
    create: (appId) => origin + desktop(appId).create,
    detail: (appId, recordId) => origin + desktop(appId).detail(recordId),
    edit: (appId, recordId) => origin + desktop(appId).edit(recordId),
    mobileIndex: (appId) => origin + mobile(appId).index,
    mobileCreate: (appId) => origin + mobile(appId).create,
    mobileDetail: (appId, recordId) => origin + mobile(appId).detail(recordId),
    mobileEdit: (appId, recordId) => origin + mobile(appId).edit(recordId),
    pluginSettings: (appId) => origin + pluginSettingsPath(app(appId), state.plugin.id),
    pluginList: (appId) => origin + pluginListPath(app(appId)),
    appSettings: (appId) => origin + appSettingsPath(app(appId)),
  };
}
