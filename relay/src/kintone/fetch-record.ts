import type { KintoneRecord } from '@k2c/rules';
import { KintoneRestAPIClient } from '@kintone/rest-api-client';
import { type AllowedKintoneHost, allowedKintoneHost } from './allowed-host';
import { classifyFetchError, kintoneFetchError } from './classify-fetch-error';
import { PinnedHttpsAgent } from './pinned-agent';

/**
 * The relay answers the plug-in inside kintone's proxy call, and the plug-in gives up after 5 s
 * (plugin/src/runtime/timeout.ts). Reading the record must leave room for the rest.
 */
export const DEFAULT_KINTONE_TIMEOUT_MS = 3_000;

// The client's own socket timeout fires a little after our deadline: our deadline decides the
// outcome (always `timeout`, never a racing "socket hang up"), the client's closes the socket.
const SOCKET_CLEANUP_GRACE_MS = 500;

const ID = /^[1-9]\d{0,19}$/;
// kintone tokens are letters and digits. Commas are refused because kintone reads a comma as
// "several tokens"; control characters could not go in a header anyway.
const API_TOKEN = /^[\x21-\x2b\x2d-\x7e]{1,1000}$/;

export interface FetchAuthoritativeRecordOptions {
  /** The stored `kintoneHost` (`acme.cybozu.com`; `127.0.0.1:<port>` in tests). */
  host: string;
  apiToken: string;
  appId: string;
  recordId: string;
  /** From the record link (guest-space.ts); kintone serves guest-space apps only under it. */
  guestSpaceId?: string | undefined;
  /** `KINTONE_ALLOWED_HOSTS`. */
  allowedHosts: readonly string[];
  /** `KINTONE_ALLOW_LOOPBACK`. */
  allowLoopback: boolean;
  /** Bound on the whole read; default DEFAULT_KINTONE_TIMEOUT_MS. */
  timeoutMs?: number;
}

/**
 * Where the client sends the request. @kintone/rest-api-client refuses a non-`https:` base URL
 * unless its host name is exactly `localhost` (it throws 'The protocol of baseUrl must be
 * "https"' for `http://127.0.0.1:…`). Tests serve kintone over plain http on 127.0.0.1, so an
 * allowed loopback host is reached as `http://localhost:<port>`: `localhost` resolves to
 * 127.0.0.1 everywhere (and Node tries each address it resolves to). Other loopback addresses
 * (`127.0.0.2`, `[::1]`) cannot be named that way and are refused rather than silently sent to
 * a different address. Everything else is `https://<host>` through an agent pinned to that host.
 */
function endpointFor(host: AllowedKintoneHost, label: string): { baseUrl: string; httpsAgent?: PinnedHttpsAgent } {
  if (host.loopback) {
    if (host.hostname !== 'localhost' && host.hostname !== '127.0.0.1') {
      throw kintoneFetchError(
        'host_not_allowed',
        label,
        'Loopback kintone must be reached as localhost or 127.0.0.1: the kintone client speaks plain http only to localhost',
      );
    }
    return { baseUrl: `http://localhost${host.port === undefined ? '' : `:${host.port}`}` };
  }
  return { baseUrl: `https://${host.hostname}`, httpsAgent: new PinnedHttpsAgent(host.hostname) };
}

function isField(value: unknown): value is { type: string; value: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The record of a `GET /k/v1/record.json` answer, or undefined when the answer is not one. */
function recordOf(response: unknown, recordId: string): KintoneRecord | undefined {
  const record = (response as { record?: unknown } | null)?.record;
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  if (!Object.values(record).every(isField)) return undefined;
  const typed = record as KintoneRecord;
  // The record kintone sent must be the one asked for.
  const id = typed.$id?.value;
  if (id !== undefined && id !== recordId) return undefined;
  return typed;
}

/**
 * Reads one record from the tenant's kintone with the administrator's API token, so the relay
 * renders from what kintone stored rather than from what a browser claims.
 *
 * The token is sent only to a host on the allow-list: that is checked before the client is even
 * built, and an HTTPS redirect cannot carry it to another host (pinned-agent.ts, which also
 * says what it does not cover). Environment proxy settings
 * (`HTTPS_PROXY`) are ignored, so the token never goes through a proxy the operator did not
 * choose for this purpose. Every failure is a KintoneFetchError whose message holds no token.
 */
export async function fetchAuthoritativeRecord(options: FetchAuthoritativeRecordOptions): Promise<KintoneRecord> {
  const host = allowedKintoneHost(options.host, options.allowedHosts, options.allowLoopback);
  if (!host) throw kintoneFetchError('host_not_allowed', options.host);
  const label = host.port === undefined ? host.hostname : `${host.hostname}:${host.port}`;
  if (!ID.test(options.appId) || !ID.test(options.recordId)) {
    throw kintoneFetchError('rejected', label, 'The app or record id is not a kintone id');
  }
  if (options.guestSpaceId !== undefined && !ID.test(options.guestSpaceId)) {
    throw kintoneFetchError('rejected', label, 'The guest space id is not a kintone id');
  }
  const apiToken = options.apiToken.trim();
  if (!API_TOKEN.test(apiToken)) {
    throw kintoneFetchError('unauthorized', label, 'The stored kintone API token is malformed');
  }

  const timeoutMs = options.timeoutMs ?? DEFAULT_KINTONE_TIMEOUT_MS;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  try {
    const { baseUrl, httpsAgent } = endpointFor(host, label);
    const client = new KintoneRestAPIClient({
      baseUrl,
      auth: { apiToken },
      ...(options.guestSpaceId !== undefined && { guestSpaceId: options.guestSpaceId }),
      ...(httpsAgent && { httpsAgent }),
      proxy: false,
      socketTimeout: timeoutMs + SOCKET_CLEANUP_GRACE_MS,
      userAgent: 'kintone2chatwork-relay',
    });
    const expired = new Promise<never>((_, reject) => {
      deadline = setTimeout(() => reject(kintoneFetchError('timeout', label)), timeoutMs);
    });
    const response: unknown = await Promise.race([
      client.record.getRecord({ app: options.appId, id: options.recordId }),
      expired,
    ]);
    const record = recordOf(response, options.recordId);
    if (!record) throw kintoneFetchError('invalid_response', label);
    return record;
  } catch (error) {
    throw classifyFetchError(error, label);
  } finally {
    clearTimeout(deadline);
  }
}
