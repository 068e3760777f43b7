import { parseRuleSet } from '@k2c/rules';
import { type PluginConfig, readPluginConfig, writePluginConfig } from '../config/plugin-config';
import { notificationsEndpoint } from '../config/relay-url';
import { type Language, pickLanguage, settingsMessages } from '../i18n/messages';
import { type ConfigSetters, promiseConfigSetters } from './callback-api';
import {
  localize,
  onCancel,
  onSave,
  readFormValues,
  setBusy,
  setNotice,
  setStatus,
  showProblems,
  showStoredKey,
  writeFormValues,
} from './form';
import { appSettingsPath, pluginListPath } from './navigation';
import { buildProxyData, saveSettings } from './saver';
import { maskKey, readStoredProxyConfig, type StoredProxyConfig } from './stored-key';
import { validateSettings } from './validate';
import { formValuesFromConfig, ruleSetFromForm } from './values';

/** Everything the settings page needs from kintone and the browser, so it can run against fakes. */
export interface SettingsHost {
  pluginId: string;
  appId: string;
  language: string;
  /** `location.host` and `location.pathname` of the settings page. */
  host: string;
  pathname: string;
  getConfig(pluginId: string): Record<string, string> | null;
  getProxyConfig(url: string, method: 'POST'): unknown;
  setters: ConfigSetters;
  /** Field codes of the app (preview form), or null when they cannot be read. */
  fetchFieldCodes(): Promise<string[] | null>;
  fetchAppName(): Promise<string | null>;
  alert(message: string): void;
  navigate(path: string): void;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    return error.message;
  }
  return String(error);
}

function loadStoredProxy(host: SettingsHost, config: PluginConfig): StoredProxyConfig {
  if (config.relayUrl === '') return { key: null, data: {} };
  try {
    return readStoredProxyConfig(host.getProxyConfig(notificationsEndpoint(config.relayUrl), 'POST'));
  } catch {
    return { key: null, data: {} };
  }
}

export function startSettingsPage(root: HTMLElement, host: SettingsHost): void {
  const language: Language = pickLanguage(host.language);
  const messages = settingsMessages[language];
  const config = readPluginConfig(host.getConfig(host.pluginId));
  const stored = loadStoredProxy(host, config);
  const setters = promiseConfigSetters(host.setters);
  const fieldCodes = host.fetchFieldCodes().catch(() => null);
  let saving = false;

  localize(root, messages, language);
  writeFormValues(root, formValuesFromConfig(config));
  showStoredKey(root, stored.key === null ? null : messages.connectionKeyStored(maskKey(stored.key)));
  setNotice(root, config.rulesUnreadable ? messages.rulesUnreadable : null);
  void fieldCodes.then((codes) => {
    if (codes === null) setNotice(root, messages.fieldsUnavailable);
  });

  async function save(): Promise<void> {
    setStatus(root, '');
    const codes = await fieldCodes;
    const result = validateSettings(readFormValues(root), {
      hasStoredKey: stored.key !== null,
      appFieldCodes: codes,
    });
    showProblems(root, result.ok ? [] : result.problems, messages);
    if (!result.ok) {
      setStatus(root, messages.fixErrors, 'error');
      return;
    }
    const settings = result.value;
    const connectionKey = settings.connectionKey ?? stored.key;
    if (connectionKey === null) return; // validateSettings requires a key when none is stored.

    const ruleSet = ruleSetFromForm(config.ruleSet, settings);
    const checked = parseRuleSet(ruleSet);
    if (!checked.ok) {
      setStatus(
        root,
        messages.saveFailed(checked.issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')),
        'error',
      );
      return;
    }
    setStatus(root, messages.saving);
    const appName = (await host.fetchAppName().catch(() => null)) ?? config.appName;
    const rulesJson = JSON.stringify(checked.value);
    await saveSettings(setters, {
      config: writePluginConfig({ relayUrl: settings.relayUrl, ruleSet: checked.value, appName }),
      relayUrl: settings.relayUrl,
      previousRelayUrl: config.relayUrl,
      connectionKey,
      proxyData: buildProxyData(stored, rulesJson, host.host, appName),
    });
    setStatus(root, messages.saved, 'success');
    host.alert(messages.saved);
    host.navigate(appSettingsPath(host.pathname, host.appId));
  }

  onSave(root, () => {
    if (saving) return;
    saving = true;
    setBusy(root, true);
    save()
      .catch((error: unknown) => setStatus(root, messages.saveFailed(errorText(error)), 'error'))
      .finally(() => {
        saving = false;
        setBusy(root, false);
      });
  });
  onCancel(root, () => host.navigate(pluginListPath(host.pathname, host.appId)));
}
