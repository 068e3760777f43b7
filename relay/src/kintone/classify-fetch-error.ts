import { KintoneRestAPIError } from '@kintone/rest-api-client';
import { KintoneFetchError, type KintoneFetchFailure } from './kintone-fetch-error';

/**
 * kintone codes that mean "this token may not read this record", whatever the HTTP status.
 * GAIA_IA02: a token string the app did not issue — kintone answers 400, not 401, for a token of
 * another app (kintone/cli-kintone feature tests; the simulator does the same).
 * GAIA_AP15: "the combination of API token and app is not valid" (quoted from a real tenant in
 * gusuku's support pages). GAIA_NO01: the token lacks the permission for this API.
 * Every 401 and 403 counts as unauthorized as well.
 */
const TOKEN_CODES = new Set(['GAIA_IA02', 'GAIA_AP15', 'GAIA_NO01']);

/**
 * "Not where the request said": GAIA_RE01 record not found, GAIA_AP01 app not found (both 404),
 * GAIA_IL23 a guest-space app asked for outside its guest path (400).
 */
const NOT_FOUND_CODES = new Set(['GAIA_RE01', 'GAIA_AP01', 'GAIA_IL23']);

// Node's and axios's codes for a request that ran out of time.
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);

// kintone codes are upper-case words; anything else is not echoed into a message.
const CODE_SHAPE = /^[A-Z][A-Z0-9_]{0,39}$/;

function reasonForStatus(status: number, code: string | undefined): KintoneFetchFailure {
  if (status === 401 || status === 403 || (code !== undefined && TOKEN_CODES.has(code))) return 'unauthorized';
  if (status === 404 || (code !== undefined && NOT_FOUND_CODES.has(code))) return 'record_not_found';
  // 429 is kintone's concurrency limit (GAIA_TO04) for the whole domain: transient, like a 5xx.
  if (status === 429 || status >= 500) return 'unavailable';
  if (status >= 400) return 'rejected';
  return 'invalid_response';
}

const describe: Record<KintoneFetchFailure, string> = {
  host_not_allowed: 'The kintone host is not on the relay allow-list',
  unauthorized: 'kintone refused the API token',
  record_not_found: 'kintone has no such record',
  timeout: 'kintone did not answer in time',
  unavailable: 'kintone is unavailable',
  rejected: 'kintone refused the request',
  invalid_response: 'kintone answered with something that is not a record',
};

function failure(reason: KintoneFetchFailure, host: string, status?: number, code?: string): KintoneFetchError {
  const safeCode = code !== undefined && CODE_SHAPE.test(code) ? code : undefined;
  const suffix = [status, safeCode].filter((part) => part !== undefined).join(' ');
  const message = `${describe[reason]} (${hostLabel(host)}${suffix ? `: ${suffix}` : ''})`;
  return new KintoneFetchError(reason, message, {
    ...(status !== undefined && { status }),
    ...(safeCode !== undefined && { kintoneCode: safeCode }),
  });
}

/**
 * The host as it may appear in a message. It is the stored `kintoneHost`, which the tenant's
 * administrator controls, so it is cut to host-name characters and a sane length.
 */
function hostLabel(host: string): string {
  const cleaned = host.replace(/[^a-zA-Z0-9.:[\]-]/g, '?');
  return cleaned.length > 100 ? `${cleaned.slice(0, 100)}…` : cleaned;
}

/** A failure found before or around the request, with an optional more precise message. */
export function kintoneFetchError(reason: KintoneFetchFailure, host: string, message?: string): KintoneFetchError {
  if (message === undefined) return failure(reason, host);
  return new KintoneFetchError(reason, `${message} (${hostLabel(host)})`);
}

/**
 * Turns whatever @kintone/rest-api-client threw into a KintoneFetchError. The original error is
 * dropped on purpose (see KintoneFetchError): only its status and kintone code are kept.
 */
export function classifyFetchError(error: unknown, host: string): KintoneFetchError {
  if (error instanceof KintoneFetchError) return error;
  // kintone answered with its JSON error body.
  if (error instanceof KintoneRestAPIError) {
    const code = typeof error.code === 'string' ? error.code : undefined;
    return failure(reasonForStatus(error.status, code), host, error.status, code);
  }
  if (error instanceof Error) {
    // A non-JSON error body (an HTML error page, a proxy's 503) arrives as a plain
    // Error("<status>: <statusText>") from the client's response handler.
    const status = /^(\d{3}): /.exec(error.message)?.[1];
    if (status !== undefined) return failure(reasonForStatus(Number(status), undefined), host, Number(status));
    // No answer at all: axios/Node errors carry a string code (ECONNREFUSED, ENOTFOUND, …).
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && TIMEOUT_CODES.has(code)) return failure('timeout', host);
  }
  // Refused, reset, DNS failure, TLS failure, or a redirect the pinned agent stopped.
  return failure('unavailable', host);
}
