import { isObject } from '../shared/is-object';
/** What `getProxyConfig` returned for the notifications endpoint, read defensively. */
export interface StoredProxyConfig {
  key: string | null;
  data: Record<string, string>;
}

export function readStoredProxyConfig(value: unknown): StoredProxyConfig {
  if (!isObject(value)) return { key: null, data: {} };
  let key: string | null = null;
  if (isObject(value.headers)) {
    for (const [name, header] of Object.entries(value.headers)) {
      if (name.toLowerCase() !== 'authorization' || typeof header !== 'string') continue;
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (match?.[1]) key = match[1];
    }
  }
  const data: Record<string, string> = {};
  if (isObject(value.data)) {
    for (const [name, item] of Object.entries(value.data)) if (typeof item === 'string') data[name] = item;
  }
  return { key, data };
}

/** Shows only the last four characters, e.g. `••••••••abcd`. */
export function maskKey(key: string): string {
  const visible = key.length > 8 ? key.slice(-4) : '';
  return `••••••••${visible}`;
}
