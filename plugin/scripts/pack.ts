import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { packPluginFromManifest } from '@kintone/plugin-packer/from-manifest';

export interface PackedPlugin {
  id: string;
  plugin: Buffer;
}

/**
 * Signs the plug-in: contents.zip holds manifest.json and exactly the files it references (the
 * packer drops anything else), plus PUBKEY and SIGNATURE.
 */
export async function packPlugin(manifestPath: string, privateKey: string): Promise<PackedPlugin> {
  const { id, plugin } = await packPluginFromManifest(manifestPath, privateKey);
  return { id, plugin };
}

export async function writePluginZip(path: string, plugin: Buffer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, plugin);
}
