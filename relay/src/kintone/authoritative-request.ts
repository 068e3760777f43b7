import type { NotificationRequest } from '../notifications/notification-request';
import { trustedRecordUrl } from '../notifications/record-url';
import { fetchAuthoritativeRecord } from './fetch-record';
import { guestSpaceIdFromRecordUrl } from './guest-space';

export interface AuthoritativeValuesOptions {
  /** `KINTONE_ALLOWED_HOSTS`. */
  allowedHosts: readonly string[];
  /** `KINTONE_ALLOW_LOOPBACK`. */
  allowLoopback: boolean;
  /** Bound on the kintone read; default DEFAULT_KINTONE_TIMEOUT_MS (3 s). */
  timeoutMs?: number;
  /** Replaces the kintone read, for tests of callers. */
  fetchRecord?: typeof fetchAuthoritativeRecord;
}

const REVISION = /^[1-9]\d{0,19}$/;

/**
 * When the administrator stored an API token (`kintoneApiToken` in the proxy data), the record
 * values come from kintone itself instead of the browser, so an app user cannot make a message
 * say something the record does not. Without a token the request is returned unchanged.
 *
 * - `record`: every field kintone returned, in `{ type, value }` form (the rules pick what they
 *   reference). This also fills in a create whose browser event had `record: null`.
 * - `revision`: kintone's `$revision`, so the default idempotency key follows the real saved
 *   state rather than a number the caller made up.
 * - `previous` stays as sent: kintone's REST API has no "values before this edit". So
 *   "only when changed" compares kintone's current values with the browser's snapshot from when
 *   the edit screen opened; a forged snapshot can make an edit look changed or unchanged, which
 *   only decides whether the administrator's own rule fires — never where or what it sends.
 * - `user` stays as sent: kintone's record has the last modifier (`更新者`, type MODIFIER) for
 *   rules that need a trustworthy name; `{{$user}}` remains the caller's claim.
 * - `status` stays as sent: kintone runs the plug-in's status handler *before* it applies the
 *   action (`app.record.detail.process.proceed`), so the record read here still shows the old
 *   status; only the claim can say which action is being taken. The STATUS field in the
 *   fetched record is kintone's (pre-action) value.
 * - `event`, `recordUrl`, `idempotencyKey` stay as sent; the link is rebuilt on the stored host
 *   anyway (record-url.ts).
 *
 * Any failure is a KintoneFetchError (kintone-fetch-error.ts) and nothing is rendered: with a
 * token configured, the browser's values are never used as a fallback.
 */
export async function withAuthoritativeValues(
  request: NotificationRequest,
  options: AuthoritativeValuesOptions,
): Promise<NotificationRequest> {
  const apiToken = request.kintoneApiToken?.trim();
  // The settings screen leaves the key out when there is no token; an empty (hand-made) value
  // means the same. Without a stored token a caller may send its own: harmless, since the
  // values then still come from kintone, for the app that token belongs to.
  if (!apiToken) return request;
  const fetchRecord = options.fetchRecord ?? fetchAuthoritativeRecord;
  const recordUrl = trustedRecordUrl(request, options.allowLoopback);
  const record = await fetchRecord({
    host: request.kintoneHost,
    apiToken,
    appId: request.appId,
    recordId: request.recordId,
    guestSpaceId: guestSpaceIdFromRecordUrl(recordUrl, request.appId),
    allowedHosts: options.allowedHosts,
    allowLoopback: options.allowLoopback,
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
  });
  const revision = record.$revision?.value;
  return {
    ...request,
    record,
    // kintone always sends $revision; should it ever not, the caller's value is better than none.
    revision: typeof revision === 'string' && REVISION.test(revision) ? revision : request.revision,
  };
}
