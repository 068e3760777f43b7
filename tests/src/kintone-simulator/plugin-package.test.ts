import { createPublicKey } from 'node:crypto';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { pluginIdFromPublicKey, readPluginPackage, startKintoneSimulator } from './index';
import { buildFixturePlugin, type FixturePlugin, tamperPlugin } from './testing/fixture-plugin';

describe('plug-in package', () => {
  let fixture: FixturePlugin;
  beforeAll(async () => {
    fixture = await buildFixturePlugin();
  });

  it('derives the plug-in id from PUBKEY exactly as the packer does', () => {
    const pkg = readPluginPackage(fixture.zip);
    expect(pkg.id).toBe(fixture.id);
    expect(pkg.id).toMatch(/^[a-p]{32}$/);
    const publicKey = unzipSync(fixture.zip).PUBKEY;
    if (!publicKey) throw new Error('no PUBKEY');
    expect(pluginIdFromPublicKey(publicKey)).toBe(fixture.id);
    expect(createPublicKey({ key: Buffer.from(publicKey), format: 'der', type: 'spki' }).asymmetricKeyType).toBe('rsa');
  });

  it('reads the manifest and every file it references', () => {
    const pkg = readPluginPackage(fixture.zip);
    expect(pkg.manifest.desktop?.js).toEqual(['js/desktop-first.js', 'js/desktop.js']);
    for (const path of ['image/icon.png', 'html/config.html', 'js/config.js', 'js/mobile.js', 'css/desktop.css']) {
      expect(pkg.files.has(path), path).toBe(true);
    }
  });

  it('refuses a zip whose contents were changed after signing', async () => {
    const tampered = tamperPlugin(fixture.zip);
    expect(() => readPluginPackage(tampered)).toThrow(/signature of contents\.zip does not match PUBKEY/);
    await expect(startKintoneSimulator({ pluginZip: tampered })).rejects.toThrow(/signature/);
  });

  it('refuses a zip signed by another key than its PUBKEY', async () => {
    const other = await buildFixturePlugin();
    const entries = unzipSync(fixture.zip);
    const foreignKey = unzipSync(other.zip).PUBKEY;
    if (!foreignKey) throw new Error('no PUBKEY');
    expect(() => readPluginPackage(zipSync({ ...entries, PUBKEY: foreignKey }))).toThrow(/signature/);
  });

  it('refuses a zip without the signature files', () => {
    const { SIGNATURE: _signature, ...rest } = unzipSync(fixture.zip);
    expect(() => readPluginPackage(zipSync(rest))).toThrow(/contents\.zip, PUBKEY and SIGNATURE/);
    expect(() => readPluginPackage(new Uint8Array([1, 2, 3]))).toThrow(/not a readable zip/);
  });
});
