import type { Db } from '@k2c/db';
import type { RateLimit } from '../../env';
import { AppError } from '../../errors';
import { type CounterWindow, decrementCounters, incrementCounters } from '../../queries/request-counters';

/** One thing to count (`ip:…`, `tenant:…`, `login:email:<hash>`) against its limit. */
export interface CountedKey {
  key: string;
  limit: RateLimit;
}

export interface CountResult {
  /** The windows that were counted, to take the count back later (a login that succeeded). */
  windows: CounterWindow[];
  /** Set when any key is past its limit: seconds until the latest of those windows ends. */
  retryAfterSeconds: number | undefined;
}

/** The fixed window that `now` falls in, aligned to multiples of its length since the epoch. */
export function currentWindow(limit: RateLimit, now: Date): { windowStart: Date; secondsLeft: number } {
  const start = Math.floor(now.getTime() / limit.windowMs) * limit.windowMs;
  return {
    windowStart: new Date(start),
    secondsLeft: Math.max(1, Math.ceil((start + limit.windowMs - now.getTime()) / 1000)),
  };
}

/**
 * Counts one request against every key in one statement (shared by all relay instances through
 * request_counters) and says whether any key went past its limit. Counting before deciding,
 * rather than reading first, keeps concurrent requests from all slipping under the limit.
 */
export async function countRequest(db: Db, keys: CountedKey[], now: Date): Promise<CountResult> {
  const windows = keys.map(({ key, limit }) => ({ key, limit, ...currentWindow(limit, now) }));
  const counts = await incrementCounters(db, windows);
  let retryAfterSeconds: number | undefined;
  for (const window of windows) {
    if ((counts.get(window.key) ?? 0) > window.limit.requests) {
      retryAfterSeconds = Math.max(retryAfterSeconds ?? 0, window.secondsLeft);
    }
  }
  return { windows: windows.map(({ key, windowStart }) => ({ key, windowStart })), retryAfterSeconds };
}

/** Takes back a count made by countRequest, in the windows it was made in. */
export function uncountRequest(db: Db, result: CountResult): Promise<void> {
  return decrementCounters(db, result.windows);
}

/** 429 in the API's error shape, with Retry-After. */
export function rateLimitedError(retryAfterSeconds: number, message = 'Too many requests'): AppError {
  return new AppError(
    'rate_limited',
    `${message}; try again in ${retryAfterSeconds} seconds`,
    { retryAfterSeconds },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}
