import { describe, expect, it } from 'vitest';
import {
  type ApiTokenState,
  apiTokenInput,
  apiTokenToStore,
  apiTokenView,
  checkApiToken,
  MAX_API_TOKEN_LENGTH,
  storedApiToken,
} from './api-token';

// The example token of cybozu.dev's authentication page: 40 letters and digits.
const TOKEN = 'BuBNIwbRRaUvr33nWXcfUZ5VhaFsJxN0xH4NPN92';
const OTHER = 'ZZZNIwbRRaUvr33nWXcfUZ5VhaFsJxN0xH4NP999';

describe('checkApiToken', () => {
  it('accepts kintone tokens, and pasted spaces around them', () => {
    expect(checkApiToken(TOKEN)).toBe('ok');
    expect(checkApiToken(`  ${TOKEN}\n`)).toBe('ok');
  });

  it('is lenient on the length', () => {
    expect(checkApiToken('abc123')).toBe('ok');
    expect(checkApiToken('a'.repeat(MAX_API_TOKEN_LENGTH))).toBe('ok');
    expect(checkApiToken('a'.repeat(MAX_API_TOKEN_LENGTH + 1))).toBe('tooLong');
  });

  it('is strict on the characters, since the token travels in a header', () => {
    for (const bad of [
      `${TOKEN},${OTHER}`, // kintone reads a comma as several tokens
      'abc def',
      'abc-def',
      'abc_def',
      'abc\u0000def',
      'ＡＢＣ１２３', // full-width letters and digits from an IME
      'トークン',
      `${TOKEN}\r\nX-Other: 1`,
    ]) {
      expect(checkApiToken(bad), bad).toBe('invalid');
    }
  });

  it('treats an empty or blank input as nothing typed', () => {
    expect(checkApiToken('')).toBe('empty');
    expect(checkApiToken('   ')).toBe('empty');
  });
});

describe('apiTokenView', () => {
  it('offers an input, and nothing else, when no token is stored', () => {
    for (const mode of ['keep', 'replace', 'remove'] as const) {
      expect(apiTokenView({ stored: null, input: '', mode })).toEqual({
        masked: null,
        showInput: true,
        showKeep: false,
        showRemoved: false,
        label: 'token',
      });
    }
  });

  it('shows a stored token only masked, like the connection key', () => {
    expect(apiTokenView({ stored: TOKEN, input: '', mode: 'keep' })).toEqual({
      masked: '••••••••PN92',
      showInput: false,
      showKeep: false,
      showRemoved: false,
      label: 'token',
    });
  });

  it('replacing: an empty input under "new token", with "keep the stored token"', () => {
    expect(apiTokenView({ stored: TOKEN, input: '', mode: 'replace' })).toEqual({
      masked: null,
      showInput: true,
      showKeep: true,
      showRemoved: false,
      label: 'newToken',
    });
  });

  it('removing: only the "removed on save" line with its undo', () => {
    expect(apiTokenView({ stored: TOKEN, input: '', mode: 'remove' })).toEqual({
      masked: null,
      showInput: false,
      showKeep: false,
      showRemoved: true,
      label: 'token',
    });
  });
});

describe('apiTokenToStore', () => {
  const cases: [string, ApiTokenState, string | null][] = [
    ['nothing stored, nothing typed', { stored: null, input: '', mode: 'keep' }, null],
    ['nothing stored, a token typed', { stored: null, input: ` ${TOKEN} `, mode: 'keep' }, TOKEN],
    ['stored and kept', { stored: TOKEN, input: '', mode: 'keep' }, TOKEN],
    ['stored, "replace" with an empty input keeps it', { stored: TOKEN, input: '', mode: 'replace' }, TOKEN],
    ['stored, replaced', { stored: TOKEN, input: OTHER, mode: 'replace' }, OTHER],
    ['stored, removed', { stored: TOKEN, input: '', mode: 'remove' }, null],
    // An input the admin can no longer see does not count.
    ['stored, removed after typing', { stored: TOKEN, input: OTHER, mode: 'remove' }, null],
    ['stored and kept, with a stale input', { stored: TOKEN, input: OTHER, mode: 'keep' }, TOKEN],
  ];
  it.each(cases)('%s', (_name, state, expected) => {
    expect(apiTokenToStore(state)).toBe(expected);
  });

  it('validates only the visible input', () => {
    expect(apiTokenInput({ stored: TOKEN, input: 'bad token', mode: 'keep' })).toBe('');
    expect(apiTokenInput({ stored: TOKEN, input: 'bad token', mode: 'replace' })).toBe('bad token');
    expect(apiTokenInput({ stored: null, input: 'bad token', mode: 'keep' })).toBe('bad token');
  });
});

describe('storedApiToken', () => {
  it('reads kintoneApiToken from the stored proxy data', () => {
    expect(storedApiToken({ rules: '{}', kintoneApiToken: TOKEN })).toBe(TOKEN);
    expect(storedApiToken({ rules: '{}' })).toBeNull();
    expect(storedApiToken({ kintoneApiToken: '' })).toBeNull();
    expect(storedApiToken({ kintoneApiToken: '  ' })).toBeNull();
  });
});
