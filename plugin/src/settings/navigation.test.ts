import { describe, expect, it } from 'vitest';
import { appSettingsPath, kintonePathPrefix, pluginListPath } from './navigation';

describe('settings navigation', () => {
  it('goes back to the plug-in list and on to the app settings', () => {
    const page = '/k/admin/app/12/plugin/config';
    expect(pluginListPath(page, '12')).toBe('/k/admin/app/12/plugin/');
    expect(appSettingsPath(page, '12')).toBe('/k/admin/app/flow?app=12');
  });

  it('keeps the guest-space prefix', () => {
    const page = '/k/guest/5/admin/app/12/plugin/config';
    expect(kintonePathPrefix(page)).toBe('/k/guest/5');
    expect(pluginListPath(page, '12')).toBe('/k/guest/5/admin/app/12/plugin/');
    expect(appSettingsPath(page, '12')).toBe('/k/guest/5/admin/app/flow?app=12');
  });

  it('falls back to /k for unexpected paths', () => {
    expect(kintonePathPrefix('/somewhere/else')).toBe('/k');
    expect(kintonePathPrefix('/k/guest/9/x')).toBe('/k/guest/9');
  });
});
