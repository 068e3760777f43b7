import { parseAppName, parseFieldCodes } from './app-info';
import type { SettingsHost } from './settings-page';

function stringRecord(value: unknown): Record<string, string> | null {
  if (typeof value !== 'object' || value === null) return null;
  const result: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') result[key] = item;
  return result;
}

/** The adapter from the global `kintone` object to SettingsHost. */
export function kintoneSettingsHost(pluginId: string): SettingsHost {
  const appId = String(kintone.app.getId() ?? '');
  return {
    pluginId,
    appId,
    language: kintone.getLoginUser().language,
    host: window.location.host,
    pathname: window.location.pathname,
    getConfig: (id) => stringRecord(kintone.plugin.app.getConfig(id)),
    getProxyConfig: (url, method): unknown => kintone.plugin.app.getProxyConfig(url, method),
    setters: {
      setConfig: (config, callback) => kintone.plugin.app.setConfig(config, callback),
      setProxyConfig: (url, method, headers, data, callback) =>
        kintone.plugin.app.setProxyConfig(url, method, headers, data, callback),
    },
    // `true` makes kintone build the guest-space URL when the app lives in a guest space.
    fetchFieldCodes: async () =>
      parseFieldCodes(await kintone.api(kintone.api.url('/k/v1/preview/app/form/fields', true), 'GET', { app: appId })),
    fetchAppName: async () => parseAppName(await kintone.api(kintone.api.url('/k/v1/app', true), 'GET', { id: appId })),
    alert: (message) => window.alert(message),
    navigate: (path) => window.location.assign(path),
  };
}
