/**
 * Why the relay could not read a record from the tenant's kintone.
 *
 * - `host_not_allowed`: the stored kintone host is not on the allow-list; nothing was sent.
 * - `unauthorized`: kintone refused the API token (wrong, revoked, of another app, or without
 *   the "view records" permission). The administrator must fix the token.
 * - `record_not_found`: no such record or app where the request said it is (deleted meanwhile,
 *   a forged id, or a guest-space app reached outside its space).
 * - `timeout`: kintone did not answer within the bound.
 * - `unavailable`: kintone is down or busy (5xx, 429 concurrency limit) or unreachable. Transient.
 * - `rejected`: any other 4xx; retrying the same request will not help.
 * - `invalid_response`: a 2xx answer that is not a kintone record (e.g. a login page).
 */
export type KintoneFetchFailure =
  | 'host_not_allowed'
  | 'unauthorized'
  | 'record_not_found'
  | 'timeout'
  | 'unavailable'
  | 'rejected'
  | 'invalid_response';

export interface KintoneFetchErrorDetails {
  /** HTTP status kintone answered with, when it answered. */
  status?: number;
  /** kintone's error code (`GAIA_RE01`, …), when it sent one. */
  kintoneCode?: string;
}

/**
 * Safe to log and to show: the message is written here from the reason, status and code only.
 * It never quotes kintone's message nor keeps the client's error as `cause`, because the HTTP
 * client's errors carry the request configuration — including the `X-Cybozu-API-Token` header.
 */
export class KintoneFetchError extends Error {
  override readonly name = 'KintoneFetchError';
  readonly status?: number;
  readonly kintoneCode?: string;

  constructor(
    readonly reason: KintoneFetchFailure,
    message: string,
    details: KintoneFetchErrorDetails = {},
  ) {
    super(message);
    if (details.status !== undefined) this.status = details.status;
    if (details.kintoneCode !== undefined) this.kintoneCode = details.kintoneCode;
  }
}
