import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packPlugin } from './pack';
import { encodePng } from './png';
import { generatePrivateKey, pluginIdFromPrivateKey } from './private-key';

async function tinyPlugin(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'k2c-pack-'));
  await mkdir(join(dir, 'js'));
  await mkdir(join(dir, 'image'));
  await writeFile(join(dir, 'js/desktop.js'), 'void 0;');
  await writeFile(join(dir, 'image/icon.png'), encodePng(1, 1, new Uint8Array([0, 0, 0, 255])));
  const manifest = {
    manifest_version: 1,
    version: '1.0.0',
    type: 'APP',
    name: { en: 'Test' },
    icon: 'image/icon.png',
    desktop: { js: ['js/desktop.js'] },
  };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return join(dir, 'manifest.json');
}

describe('packPlugin', () => {
  it('gives the same plug-in id for the same key, derived from the key', async () => {
    const manifest = await tinyPlugin();
    const key = generatePrivateKey();
    const first = await packPlugin(manifest, key);
    const second = await packPlugin(manifest, key);
    expect(first.id).toBe(second.id);
    expect(first.id).toBe(pluginIdFromPrivateKey(key));
    expect(first.plugin.subarray(0, 2).toString()).toBe('PK');
    const other = await packPlugin(manifest, generatePrivateKey());
    expect(other.id).not.toBe(first.id);
  });
});
