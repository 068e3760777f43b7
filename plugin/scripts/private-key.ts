import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';

export interface LoadedKey {
  privateKey: string;
  path: string;
  source: 'env' | 'default' | 'generated';
}

export interface KeyOptions {
  /** Usually process.env; PLUGIN_PPK names the key file. */
  env: Readonly<Record<string, string | undefined>>;
  /** plugin/private.ppk */
  defaultPath: string;
  /** Base for a relative PLUGIN_PPK: where the user ran the command (pnpm sets INIT_CWD). */
  cwd: string;
}

export class PrivateKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrivateKeyError';
  }
}

/**
 * A new plug-in key: RSA 1024 in PKCS#1 PEM, exactly what @kintone/plugin-packer and cli-kintone
 * generate. The key is the plug-in's identity (its id is derived from the public key).
 */
export function generatePrivateKey(): string {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 1024,
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  return privateKey;
}

/** kintone's plug-in id: sha256 of the DER public key, first 32 hex digits mapped 0-f → a-p. */
export function pluginIdFromPrivateKey(privateKey: string): string {
  const der = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return hex.replace(/[0-9a-f]/g, (digit) => String.fromCharCode('a'.charCodeAt(0) + Number.parseInt(digit, 16)));
}

function assertPrivateKey(text: string, path: string): void {
  try {
    createPublicKey(text);
  } catch {
    throw new PrivateKeyError(`${path} is not a PEM private key (a .ppk file made by the plug-in packer).`);
  }
}

/**
 * PLUGIN_PPK if set (the file must exist), else plugin/private.ppk, generated with mode 0600 on
 * the first build. The same key keeps the same plug-in id, so kintone treats a new zip as an upgrade.
 */
export async function loadPrivateKey(options: KeyOptions): Promise<LoadedKey> {
  const fromEnv = options.env.PLUGIN_PPK?.trim();
  if (fromEnv) {
    const path = isAbsolute(fromEnv) ? fromEnv : resolve(options.cwd, fromEnv);
    if (!existsSync(path)) {
      throw new PrivateKeyError(
        `PLUGIN_PPK is set to ${fromEnv}, but there is no file at ${path}. ` +
          'Point it at the existing private key (.ppk), or unset it to use plugin/private.ppk.',
      );
    }
    const privateKey = await readFile(path, 'utf8');
    assertPrivateKey(privateKey, path);
    return { privateKey, path, source: 'env' };
  }
  if (existsSync(options.defaultPath)) {
    const privateKey = await readFile(options.defaultPath, 'utf8');
    assertPrivateKey(privateKey, options.defaultPath);
    return { privateKey, path: options.defaultPath, source: 'default' };
  }
  const privateKey = generatePrivateKey();
  // 'wx' refuses to overwrite a key that appeared meanwhile; 0600 keeps it private to the owner.
  await writeFile(options.defaultPath, privateKey, { mode: 0o600, flag: 'wx' });
  return { privateKey, path: options.defaultPath, source: 'generated' };
}
