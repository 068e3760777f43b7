import { existsSync } from 'node:fs';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatePrivateKey, loadPrivateKey, PrivateKeyError, pluginIdFromPrivateKey } from './private-key';

const tempDir = () => mkdtemp(join(tmpdir(), 'k2c-key-'));

describe('loadPrivateKey', () => {
  it('fails clearly when PLUGIN_PPK names a missing file', async () => {
    const dir = await tempDir();
    const loading = loadPrivateKey({
      env: { PLUGIN_PPK: 'keys/prod.ppk' },
      defaultPath: join(dir, 'private.ppk'),
      cwd: dir,
    });
    await expect(loading).rejects.toBeInstanceOf(PrivateKeyError);
    await expect(loading).rejects.toThrow(
      `PLUGIN_PPK is set to keys/prod.ppk, but there is no file at ${join(dir, 'keys/prod.ppk')}`,
    );
    expect(existsSync(join(dir, 'private.ppk'))).toBe(false);
  });

  it('reads PLUGIN_PPK relative to where the command ran', async () => {
    const dir = await tempDir();
    const key = generatePrivateKey();
    await writeFile(join(dir, 'prod.ppk'), key);
    const loaded = await loadPrivateKey({
      env: { PLUGIN_PPK: 'prod.ppk' },
      defaultPath: join(dir, 'private.ppk'),
      cwd: dir,
    });
    expect(loaded).toEqual({ privateKey: key, path: join(dir, 'prod.ppk'), source: 'env' });
  });

  it('rejects a file that is not a private key', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'private.ppk'), 'not a key');
    await expect(loadPrivateKey({ env: {}, defaultPath: join(dir, 'private.ppk'), cwd: dir })).rejects.toThrow(
      'is not a PEM private key',
    );
  });

  it('generates plugin/private.ppk once, with mode 0600, and reuses it', async () => {
    const dir = await tempDir();
    const defaultPath = join(dir, 'private.ppk');
    const first = await loadPrivateKey({ env: { PLUGIN_PPK: '' }, defaultPath, cwd: dir });
    expect(first.source).toBe('generated');
    expect(first.privateKey).toContain('-----BEGIN RSA PRIVATE KEY-----');
    expect((await stat(defaultPath)).mode & 0o777).toBe(0o600);
    expect(await readFile(defaultPath, 'utf8')).toBe(first.privateKey);
    const second = await loadPrivateKey({ env: {}, defaultPath, cwd: dir });
    expect(second).toEqual({ privateKey: first.privateKey, path: defaultPath, source: 'default' });
  });
});

describe('pluginIdFromPrivateKey', () => {
  it('is 32 letters a–p, stable for a key and different for another key', () => {
    const key = generatePrivateKey();
    const id = pluginIdFromPrivateKey(key);
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(pluginIdFromPrivateKey(key)).toBe(id);
    expect(pluginIdFromPrivateKey(generatePrivateKey())).not.toBe(id);
  });
});
