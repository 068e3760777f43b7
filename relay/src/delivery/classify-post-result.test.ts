import { describe, expect, it } from 'vitest';
import type { ChatworkResult } from '../chatwork/chatwork-client';
import { backoffDelay, classifyPostResult, type RetryPolicy, ROOM_LIMIT_ERROR } from './classify-post-result';

const now = Date.UTC(2026, 11, 4, 12);
const policy: RetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 60_000, maxAttempts: 5 };
const http = (status: number, errors: string[] = [], resetAt?: number): ChatworkResult<{ messageId: string }> => ({
  ok: false,
  kind: 'http',
  status,
  errors,
  rateLimit: resetAt ? { limit: 300, remaining: 0, resetAt } : undefined,
});
const classify = (result: ChatworkResult<{ messageId: string }>, attempts = 1) =>
  classifyPostResult(result, attempts, now, policy, () => 0.5);

describe('classifyPostResult', () => {
  it('records the message id of a delivered post', () => {
    expect(classify({ ok: true, value: { messageId: '123' }, rateLimit: undefined })).toMatchObject({
      status: 'delivered',
      chatworkMessageId: '123',
    });
  });

  it('waits for the token window to reset after a 429, without spending an attempt', () => {
    const outcome = classify(http(429, ['Rate limit exceeded'], now + 42_000));
    expect(outcome).toMatchObject({ status: 'queued', refundAttempt: true, errorCode: 'chatwork_rate_limited' });
    expect(outcome.nextAttemptAt?.getTime()).toBe(now + 42_000);
  });

  it('waits ten seconds when only the room limit was hit', () => {
    const outcome = classify(http(429, [ROOM_LIMIT_ERROR], now + 200_000));
    expect(outcome.nextAttemptAt?.getTime()).toBe(now + 10_000);
  });

  it('retries outages with growing delays, then gives up', () => {
    const first = classify(http(503), 1);
    const third = classify(http(503), 3);
    expect(first.status).toBe('queued');
    expect((third.nextAttemptAt?.getTime() ?? 0) - now).toBeGreaterThan((first.nextAttemptAt?.getTime() ?? 0) - now);
    expect(classify(http(503), 5)).toMatchObject({ status: 'failed', errorCode: 'chatwork_unavailable' });
    expect(classify({ ok: false, kind: 'network', message: 'ECONNRESET', timedOut: false }, 2)).toMatchObject({
      status: 'queued',
      errorCode: 'chatwork_unreachable',
    });
  });

  it('holds deliveries when the token is rejected', () => {
    expect(classify(http(401, ['Invalid API token']))).toMatchObject({
      status: 'held',
      refundAttempt: true,
      errorCode: 'chatwork_token_invalid',
    });
  });

  it.each([
    [403, 'chatwork_forbidden'],
    [404, 'chatwork_room_not_found'],
    [400, 'chatwork_rejected'],
  ])('fails for good on %i', (status, errorCode) => {
    expect(classify(http(status, ['reason']))).toMatchObject({ status: 'failed', errorCode, errorMessage: 'reason' });
  });
});

describe('backoffDelay', () => {
  it('doubles per attempt, stays within the cap and keeps at least half the step', () => {
    expect(backoffDelay(policy, 1, () => 0)).toBe(500);
    expect(backoffDelay(policy, 1, () => 1)).toBe(1_000);
    expect(backoffDelay(policy, 4, () => 1)).toBe(8_000);
    expect(backoffDelay(policy, 30, () => 1)).toBe(60_000);
  });
});
