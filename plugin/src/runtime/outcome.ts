import { isObject } from '../shared/is-object';
/** What became of one notification request, as far as the user needs to know. */
export type SendOutcome =
  | { kind: 'accepted' }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'network' }
  | { kind: 'unauthorized' }
  | { kind: 'quota_exceeded' }
  | { kind: 'plan_inactive' }
  | { kind: 'too_large' }
  | { kind: 'rate_limited' }
  | { kind: 'invalid_request'; message: string }
  | { kind: 'kintone_read_failed'; reason: string }
  | { kind: 'kintone_unavailable' }
  | { kind: 'server_error'; status: number }
  | { kind: 'unexpected'; status: number };

export interface ProxyResponse {
  body: string;
  status: number;
}

/** A relay message is shown to users; keep it to one readable line. */
const MAX_RELAY_MESSAGE = 300;

/** `kintone.plugin.app.proxy` resolves `[body, status, headers]`; anything else is malformed. */
export function readProxyResponse(value: unknown): ProxyResponse | null {
  if (!Array.isArray(value)) return null;
  const [body, status] = value as unknown[];
  if (typeof status !== 'number' || !Number.isInteger(status)) return null;
  return { body: typeof body === 'string' ? body : '', status };
}

export interface RelayError {
  code: string;
  message: string;
  /** `details.reason`, when the relay gave one (kintone_read_failed). */
  reason?: string;
}

/** The relay's `{ error: { code, message, details? } }` (contract 2), when the body is one. */
export function readRelayError(body: string): RelayError | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (!isObject(parsed) || !isObject(parsed.error)) return null;
  const { code, message, details } = parsed.error;
  const error: RelayError = {
    code: typeof code === 'string' ? code : '',
    message: typeof message === 'string' ? message : '',
  };
  if (isObject(details) && typeof details.reason === 'string') error.reason = details.reason;
  return error;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_RELAY_MESSAGE);
}

export function classifyResponse(response: ProxyResponse): SendOutcome {
  const { status } = response;
  if (status >= 200 && status < 300) return { kind: 'accepted' };
  const relayError = readRelayError(response.body);
  switch (status) {
    case 400:
      return { kind: 'invalid_request', message: oneLine(relayError?.message || relayError?.code || `HTTP ${status}`) };
    case 401:
      return { kind: 'unauthorized' };
    case 402:
      // Any other 402 is a billing problem too; the plan message with its link fits it best.
      return { kind: relayError?.code === 'quota_exceeded' ? 'quota_exceeded' : 'plan_inactive' };
    case 413:
      return { kind: 'too_large' };
    case 422:
      // With an API token stored, the relay re-reads the record from kintone; nothing was queued.
      if (relayError?.code === 'kintone_read_failed')
        return { kind: 'kintone_read_failed', reason: relayError.reason ?? '' };
      break;
    case 429:
      return { kind: 'rate_limited' };
    case 503:
      if (relayError?.code === 'kintone_unavailable') return { kind: 'kintone_unavailable' };
  }
  if (status >= 500 && status < 600) return { kind: 'server_error', status };
  return { kind: 'unexpected', status };
}
