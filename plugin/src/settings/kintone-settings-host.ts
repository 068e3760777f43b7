import { parseAppName } from './app-info';
import { parseFormFields } from './field-catalog';
import { parseNewestRecord } from './preview-request';
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
  const user = kintone.getLoginUser();
  return {
    pluginId,
    appId,
    user: { code: user.code, name: user.name, language: user.language },
    host: window.location.host,
    origin: window.location.origin,
    pathname: window.location.pathname,
    getConfig: (id) => stringRecord(kintone.plugin.app.getConfig(id)),
    getProxyConfig: (url, method): unknown => kintone.plugin.app.getProxyConfig(url, method),
    setters: {
      setConfig: (config, callback) => kintone.plugin.app.setConfig(config, callback),
      setProxyConfig: (url, method, headers, data, callback) =>
        kintone.plugin.app.setProxyConfig(url, method, headers, data, callback),
    },
    // kintone's generic proxy, not the plug-in one: the stored entry is for notifications only,
    // so these calls carry the key themselves. A throw (bad arguments) counts as a transport failure.
    proxy: async (url, method, headers, data) => {
      const answer: unknown = await kintone.proxy(url, method, headers, data);
      if (!Array.isArray(answer)) throw new Error('kintone.proxy returned no answer');
      const [body, status, responseHeaders] = answer as [unknown, unknown, unknown];
      return [String(body ?? ''), Number(status), stringRecord(responseHeaders) ?? {}];
    },
    // `true` makes kintone build the guest-space URL when the app lives in a guest space.
    fetchFields: async () =>
      parseFormFields(await kintone.api(kintone.api.url('/k/v1/preview/app/form/fields', true), 'GET', { app: appId })),
    fetchAppName: async () => parseAppName(await kintone.api(kintone.api.url('/k/v1/app', true), 'GET', { id: appId })),
    fetchNewestRecord: async () =>
      parseNewestRecord(
        await kintone.api(kintone.api.url('/k/v1/records', true), 'GET', {
          app: appId,
          query: 'order by $id desc limit 1',
        }),
      ),
    alert: (message) => window.alert(message),
    navigate: (path) => window.location.assign(path),
  };
}
