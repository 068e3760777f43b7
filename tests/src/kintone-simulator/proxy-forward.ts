import { isObject } from './guards';
import type { ProxyConfigEntry, ProxyLogEntry } from './types';

export const PROXY_METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;

export interface ProxyRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  data: unknown;
}

export type ProxyOutcome =
  | { ok: true; body: string; status: number; headers: Record<string, string> }
  | { ok: false; errorBody: string };

// kintone's limit is undocumented; 60 s keeps a hung receiver from hanging a test forever.
const TIMEOUT_MS = 60_000;
// fetch computes these itself; a caller's value would be wrong after merging.
const DROPPED_HEADERS = new Set(['host', 'content-length', 'connection', 'transfer-encoding']);

/**
 * The stored proxy config kintone attaches: same method, and the saved URL is a case-sensitive prefix of
 * the called URL; the longest (most specific) saved URL wins (set-config-for-proxy docs).
 */
export function findProxyConfig(
  entries: ProxyConfigEntry[],
  url: string,
  method: string,
): ProxyConfigEntry | undefined {
  return entries
    .filter((entry) => entry.method === method && url.startsWith(entry.url))
    .sort((a, b) => b.url.length - a.url.length)[0];
}

/** Stored headers win over the caller's, compared case-insensitively since HTTP header names are. */
export function mergeHeaders(caller: Record<string, string>, stored: Record<string, string>): Record<string, string> {
  const storedNames = new Set(Object.keys(stored).map((name) => name.toLowerCase()));
  const kept = Object.entries(caller).filter(([name]) => !storedNames.has(name.toLowerCase()));
  return Object.fromEntries([...kept, ...Object.entries(stored)]);
}

/**
 * The request body. kintone documents `data` only for POST/PUT, so GET/DELETE send none. An object is sent
 * as JSON with the stored keys merged at the top level, stored values winning (the official Mandrill sample
 * relies on this). A string is assumed to be a JSON object when there is stored data to merge into it
 * (undocumented; failing on anything else is the stricter choice); without stored data it is sent as-is.
 */
export function buildProxyBody(method: string, data: unknown, stored: Record<string, string>): string | undefined {
  if (method === 'GET' || method === 'DELETE') return undefined;
  const hasStored = Object.keys(stored).length > 0;
  if (typeof data === 'string') {
    if (!hasStored) return data;
    const parsed = parseJsonObject(data);
    if (!parsed) throw new Error('data is a string that is not a JSON object, so the stored data cannot be merged');
    return JSON.stringify({ ...parsed, ...stored });
  }
  if (data !== undefined && data !== null && !isObject(data)) throw new Error('data must be an object or a string');
  return JSON.stringify({ ...(data ?? {}), ...stored });
}

/** Sends the request from the server, as kintone's proxy does. Only a transport failure is a failure. */
export async function forwardProxyRequest(
  request: ProxyRequest,
  stored: ProxyConfigEntry | undefined,
  log: ProxyLogEntry[],
): Promise<ProxyOutcome> {
  const headers = mergeHeaders(request.headers, stored?.headers ?? {});
  for (const name of Object.keys(headers)) {
    if (DROPPED_HEADERS.has(name.toLowerCase())) delete headers[name];
  }
  const entry: ProxyLogEntry = {
    url: request.url,
    method: request.method,
    status: 0,
    requestHeaders: headers,
    requestBody: '',
    responseBody: '',
  };
  log.push(entry);
  try {
    const body = buildProxyBody(request.method, request.data, stored?.data ?? {});
    entry.requestBody = body ?? '';
    // Redirects are handed back, not followed: kintone's behaviour is undocumented and following is the laxer choice.
    const response = await fetch(request.url, {
      method: request.method,
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    entry.status = response.status;
    entry.responseBody = text;
    return { ok: true, body: text, status: response.status, headers: Object.fromEntries(response.headers) };
  } catch (error) {
    const cause = error instanceof Error ? `${error.message}${causeOf(error)}` : String(error);
    // Not a documented kintone code: the simulator's own, so tests can tell it apart.
    const errorBody = JSON.stringify({
      code: 'SIM_PROXY_FAILED',
      id: 'sim-proxy',
      message: `外部サービスへのリクエストに失敗しました。 (${cause})`,
    });
    entry.responseBody = errorBody;
    return { ok: false, errorBody };
  }
}

function causeOf(error: Error): string {
  const cause = (error as Error & { cause?: unknown }).cause;
  return cause instanceof Error ? `: ${cause.message}` : '';
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
