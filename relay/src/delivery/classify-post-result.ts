import type { ChatworkResult } from '../chatwork/chatwork-client';
import type { DeliveryOutcome } from '../queries/deliveries';

export interface RetryPolicy {
  /** First retry after about this long; each further one waits twice as long. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts (not counting rate-limit waits) before a delivery fails for good. */
  maxAttempts: number;
}

export const defaultRetryPolicy: RetryPolicy = { baseDelayMs: 5_000, maxDelayMs: 15 * 60_000, maxAttempts: 8 };

/** ChatWork's answer when a room's own limit (10 posts / 10 s) is hit, as opposed to the token's. */
export const ROOM_LIMIT_ERROR = 'Rate limit for message posting per room exceeded.';
export const ROOM_LIMIT_WAIT_MS = 10_000;

/** Exponential backoff with "equal jitter": at least half the step, so retries never bunch up at zero. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

/**
 * What a ChatWork answer means for the delivery: delivered; wait and try again (rate limits,
 * outages); hold until the tenant fixes its token; or fail for good with a reason people can act on.
 */
export function classifyPostResult(
  result: ChatworkResult<{ messageId: string }>,
  attempts: number,
  now: number,
  policy: RetryPolicy = defaultRetryPolicy,
  random: () => number = Math.random,
): DeliveryOutcome {
  if (result.ok) {
    return { status: 'delivered', chatworkMessageId: result.value.messageId, errorCode: null, errorMessage: null };
  }
  const retry = (errorCode: string, errorMessage: string): DeliveryOutcome =>
    attempts >= policy.maxAttempts
      ? { status: 'failed', errorCode, errorMessage: `${errorMessage} (gave up after ${attempts} attempts)` }
      : {
          status: 'queued',
          nextAttemptAt: new Date(now + backoffDelay(policy, attempts, random)),
          errorCode,
          errorMessage,
        };
  if (result.kind === 'network') {
    return retry(
      'chatwork_unreachable',
      result.timedOut ? 'ChatWork did not answer in time' : `ChatWork could not be reached: ${result.message}`,
    );
  }
  const detail = result.errors.join('; ').slice(0, 500);
  if (result.status === 429) {
    const roomLimited = result.errors.includes(ROOM_LIMIT_ERROR);
    const resetAt = roomLimited ? now + ROOM_LIMIT_WAIT_MS : Math.max(result.rateLimit?.resetAt ?? 0, now + 1_000);
    return {
      status: 'queued',
      nextAttemptAt: new Date(resetAt),
      refundAttempt: true,
      errorCode: 'chatwork_rate_limited',
      errorMessage: detail || 'ChatWork rate limit reached',
    };
  }
  if (result.status === 401) {
    // Retrying cannot help until the tenant enters a new token, which releases the hold.
    return {
      status: 'held',
      refundAttempt: true,
      errorCode: 'chatwork_token_invalid',
      errorMessage: 'ChatWork rejected the API token; enter a new one on the dashboard',
    };
  }
  if (result.status >= 500) return retry('chatwork_unavailable', `ChatWork answered ${result.status}`);
  if (result.status === 403) {
    return {
      status: 'failed',
      errorCode: 'chatwork_forbidden',
      errorMessage: detail || 'The ChatWork account may not post in this room',
    };
  }
  if (result.status === 404) {
    return {
      status: 'failed',
      errorCode: 'chatwork_room_not_found',
      errorMessage: detail || 'ChatWork does not know this room',
    };
  }
  return {
    status: 'failed',
    errorCode: 'chatwork_rejected',
    errorMessage: detail || `ChatWork answered ${result.status}`,
  };
}
