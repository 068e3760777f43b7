import { createHash, createPublicKey, verify } from 'node:crypto';
import { unzipSync } from 'fflate';

export interface PluginFileSet {
  js?: string[];
  css?: string[];
}

export interface PluginManifest {
  manifest_version: number;
  version: string | number;
  type: string;
  name: Record<string, string>;
  icon: string;
  desktop?: PluginFileSet;
  mobile?: PluginFileSet;
  config?: PluginFileSet & { html?: string; required_params?: string[] };
}

export interface PluginPackage {
  id: string;
  manifest: PluginManifest;
  /** Files of contents.zip by their path inside it. */
  files: Map<string, Uint8Array>;
}

// kintone refuses a config.html over 64 KB at import (help article "limit").
const MAX_CONFIG_HTML_BYTES = 65_535;

/**
 * Opens plugin.zip the way kintone does at import: the signature over contents.zip must verify
 * with PUBKEY, and the plug-in id is derived from PUBKEY, so a re-signed zip is another plug-in.
 */
export function readPluginPackage(zip: Uint8Array): PluginPackage {
  const outer = unzipOrThrow(zip, 'plugin.zip');
  const contents = outer['contents.zip'];
  const publicKeyDer = outer.PUBKEY;
  const signature = outer.SIGNATURE;
  if (!contents || !publicKeyDer || !signature) {
    throw new Error('Invalid plug-in: plugin.zip must contain contents.zip, PUBKEY and SIGNATURE');
  }
  if (!verifySignature(contents, publicKeyDer, signature)) {
    throw new Error('Invalid plug-in: the signature of contents.zip does not match PUBKEY (tampered or re-zipped)');
  }
  const files = new Map(Object.entries(unzipOrThrow(contents, 'contents.zip')));
  const manifest = parseManifest(files);
  return { id: pluginIdFromPublicKey(publicKeyDer), manifest, files };
}

/** First 32 hex digits of sha256(PUBKEY DER), each digit mapped 0-9a-f → a-p (js-sdk `uuid.ts`). */
export function pluginIdFromPublicKey(publicKeyDer: Uint8Array): string {
  const hex = createHash('sha256').update(publicKeyDer).digest('hex').slice(0, 32);
  return hex.replace(/[0-9a-f]/g, (digit) => String.fromCharCode('a'.charCodeAt(0) + Number.parseInt(digit, 16)));
}

/** Every file the manifest references, in manifest order, for one screen kind. Remote URLs stay as they are. */
export function manifestFiles(set: PluginFileSet | undefined, kind: 'js' | 'css'): string[] {
  return set?.[kind] ?? [];
}

export function isRemoteFile(path: string): boolean {
  return /^https?:\/\//.test(path);
}

function verifySignature(contents: Uint8Array, publicKeyDer: Uint8Array, signature: Uint8Array): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKeyDer), format: 'der', type: 'spki' });
    return verify('sha1', contents, key, signature);
  } catch {
    return false;
  }
}

function unzipOrThrow(bytes: Uint8Array, name: string): Record<string, Uint8Array> {
  try {
    return unzipSync(bytes);
  } catch (error) {
    throw new Error(`Invalid plug-in: ${name} is not a readable zip (${String(error)})`);
  }
}

function parseManifest(files: Map<string, Uint8Array>): PluginManifest {
  const raw = files.get('manifest.json');
  if (!raw) throw new Error('Invalid plug-in: contents.zip has no manifest.json');
  let manifest: PluginManifest;
  try {
    manifest = JSON.parse(new TextDecoder().decode(raw)) as PluginManifest;
  } catch {
    throw new Error('Invalid plug-in: manifest.json is not valid JSON');
  }
  if (manifest.manifest_version !== 1 || manifest.type !== 'APP' || !manifest.name?.en || !manifest.icon) {
    throw new Error('Invalid plug-in: manifest.json needs manifest_version 1, type "APP", name.en and icon');
  }
  const referenced = [
    manifest.icon,
    manifest.config?.html,
    ...[manifest.desktop, manifest.mobile, manifest.config].flatMap((set) => [
      ...manifestFiles(set, 'js'),
      ...manifestFiles(set, 'css'),
    ]),
  ].filter((path): path is string => typeof path === 'string' && !isRemoteFile(path));
  for (const path of referenced) {
    if (!files.has(path)) throw new Error(`Invalid plug-in: manifest.json references ${path}, which is not in the zip`);
  }
  const html = manifest.config?.html ? files.get(manifest.config.html) : undefined;
  if (html && html.byteLength > MAX_CONFIG_HTML_BYTES) {
    throw new Error(`Invalid plug-in: ${manifest.config?.html} is over ${MAX_CONFIG_HTML_BYTES} bytes`);
  }
  return manifest;
}
