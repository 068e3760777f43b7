import { maskKey } from './stored-key';

/**
 * The optional kintone API token of the proxy data (contract 1, `kintoneApiToken`). With one, the
 * relay reads the saved record back from kintone and renders kintone's values, not the browser's.
 * It is stored only with `setProxyConfig`, never with `setConfig` (app users can read that).
 */

/**
 * kintone's tokens are 40 letters and digits (cybozu.dev: "BuBNIwbRRaUvr33nWXcfUZ5VhaFsJxN0xH4NPN92").
 * The characters are checked strictly: the token travels in the `X-Cybozu-API-Token` header,
 * where a comma would mean "several tokens" and anything else is a paste mistake. The length is
 * only bounded, in case kintone ever issues longer ones.
 */
const TOKEN_CHARACTERS = /^[A-Za-z0-9]+$/;
export const MAX_API_TOKEN_LENGTH = 200;

export type ApiTokenCheck = 'empty' | 'ok' | 'invalid' | 'tooLong';

/** What is wrong with a typed token, if anything (surrounding spaces of a paste are ignored). */
export function checkApiToken(input: string): ApiTokenCheck {
  const token = input.trim();
  if (token === '') return 'empty';
  if (!TOKEN_CHARACTERS.test(token)) return 'invalid';
  if (token.length > MAX_API_TOKEN_LENGTH) return 'tooLong';
  return 'ok';
}

/**
 * - `keep`: the stored token stays (or none is stored and the input may add one);
 * - `replace`: the admin chose "Replace token"; an empty input still keeps the stored one;
 * - `remove`: the admin chose "Remove token"; Save writes the proxy data without it.
 */
export type ApiTokenMode = 'keep' | 'replace' | 'remove';

export interface ApiTokenState {
  /** The token in the stored proxy data; null when there is none. */
  stored: string | null;
  /** What is typed in the token input. */
  input: string;
  mode: ApiTokenMode;
}

export interface ApiTokenView {
  /** The masked stored token with "Replace" and "Remove" (null: that row is hidden). */
  masked: string | null;
  /** The input row. */
  showInput: boolean;
  /** "Keep the stored token" next to the input, and the "empty keeps it" help. */
  showKeep: boolean;
  /** "The token is removed when you save" with "Undo". */
  showRemoved: boolean;
  /** Which label the input has. */
  label: 'token' | 'newToken';
}

/** What the token part of the screen shows for a state. */
export function apiTokenView(state: ApiTokenState): ApiTokenView {
  if (state.stored === null) {
    return { masked: null, showInput: true, showKeep: false, showRemoved: false, label: 'token' };
  }
  switch (state.mode) {
    case 'keep':
      return { masked: maskKey(state.stored), showInput: false, showKeep: false, showRemoved: false, label: 'token' };
    case 'replace':
      return { masked: null, showInput: true, showKeep: true, showRemoved: false, label: 'newToken' };
    case 'remove':
      return { masked: null, showInput: false, showKeep: false, showRemoved: true, label: 'token' };
  }
}

/** The input the screen validates: only what a visible input holds counts. */
export function apiTokenInput(state: ApiTokenState): string {
  return apiTokenView(state).showInput ? state.input : '';
}

/**
 * The token Save stores (null: none), assuming checkApiToken accepted the input: a typed token
 * wins, an empty input keeps the stored one, "Remove" drops it.
 */
export function apiTokenToStore(state: ApiTokenState): string | null {
  if (state.stored !== null && state.mode === 'remove') return null;
  const typed = apiTokenInput(state).trim();
  if (typed !== '') return typed;
  return state.stored;
}

/** The token in the stored proxy data, when there is a usable one. */
export function storedApiToken(data: Readonly<Record<string, string>>): string | null {
  const token = data.kintoneApiToken?.trim();
  return token ? token : null;
}
