import { notificationsEndpoint } from '../config/relay-url';
import type { PromisedConfigSetters } from './callback-api';

export interface SaveInput {
  /** Exactly what writePluginConfig produced; never contains the connection key. */
  config: Record<string, string>;
  relayUrl: string;
  /** The relay URL of the last save ('' when none): its proxy entry is removed when it changes. */
  previousRelayUrl: string;
  connectionKey: string;
  /** Stored proxy data (contract 1): rules, kintoneHost, appName, optionally kintoneApiToken. */
  proxyData: Record<string, string>;
}

export type SaveStep =
  | { kind: 'setConfig'; config: Record<string, string> }
  | {
      kind: 'setProxyConfig';
      url: string;
      method: 'POST';
      headers: Record<string, string>;
      data: Record<string, string>;
    };

/** The calls a save makes, in the order they must run. */
export function planSave(input: SaveInput): SaveStep[] {
  const steps: SaveStep[] = [
    { kind: 'setConfig', config: input.config },
    {
      kind: 'setProxyConfig',
      url: notificationsEndpoint(input.relayUrl),
      method: 'POST',
      headers: { Authorization: `Bearer ${input.connectionKey}` },
      data: input.proxyData,
    },
  ];
  const previous = input.previousRelayUrl === '' ? '' : notificationsEndpoint(input.previousRelayUrl);
  if (previous !== '' && previous !== notificationsEndpoint(input.relayUrl)) {
    // Empty headers and data delete the old entry, so the key does not linger for a URL no longer used.
    steps.push({ kind: 'setProxyConfig', url: previous, method: 'POST', headers: {}, data: {} });
  }
  return steps;
}

/**
 * Runs the save strictly one call after another: kintone fails with "データベースのロックに失敗しました"
 * when these setters overlap. Stops at the first failure.
 */
export async function saveSettings(setters: PromisedConfigSetters, input: SaveInput): Promise<void> {
  for (const step of planSave(input)) {
    if (step.kind === 'setConfig') await setters.setConfig(step.config);
    else await setters.setProxyConfig(step.url, step.method, step.headers, step.data);
  }
}

/**
 * Contract 1 proxy data: the rules, kintone host and app name, plus `kintoneApiToken` only when
 * there is a token to store (no token: the key is left out, which removes a stored one).
 */
export function buildProxyData(
  rules: string,
  kintoneHost: string,
  appName: string,
  apiToken: string | null,
): Record<string, string> {
  const data: Record<string, string> = { rules, kintoneHost, appName };
  if (apiToken !== null && apiToken !== '') data.kintoneApiToken = apiToken;
  return data;
}
