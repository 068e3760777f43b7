import { describe, expect, it } from 'vitest';
import { maskKey, readStoredProxyConfig } from './stored-key';

describe('readStoredProxyConfig', () => {
  it('reads the bearer key and the data', () => {
    expect(
      readStoredProxyConfig({
        headers: { Authorization: 'Bearer k2c_0123456789abcd' },
        data: { rules: '{}', kintoneHost: 'example.cybozu.com', appName: 'App' },
      }),
    ).toEqual({ key: 'k2c_0123456789abcd', data: { rules: '{}', kintoneHost: 'example.cybozu.com', appName: 'App' } });
  });

  it('finds the header whatever its case', () => {
    expect(readStoredProxyConfig({ headers: { authorization: 'bearer abc' }, data: {} }).key).toBe('abc');
  });

  it('returns no key for nothing stored or something else', () => {
    expect(readStoredProxyConfig(null)).toEqual({ key: null, data: {} });
    expect(readStoredProxyConfig({ headers: {}, data: {} }).key).toBeNull();
    expect(readStoredProxyConfig({ headers: { Authorization: 'Basic abc' } }).key).toBeNull();
  });
});

describe('maskKey', () => {
  it('shows only the last four characters', () => {
    expect(maskKey('k2c_0123456789abcd')).toBe('••••••••abcd');
  });

  it('shows nothing of a short key', () => {
    expect(maskKey('abcd1234')).toBe('••••••••');
  });
});
