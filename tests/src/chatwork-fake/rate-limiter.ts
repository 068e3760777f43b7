import type { RateLimitSetting } from './types';

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch ms when capacity comes back (fixed window: the window's end; sliding: the oldest slot's expiry). */
  resetAt: number;
}

export function assertRateLimitSetting(setting: RateLimitSetting, name: string): void {
  if (!Number.isInteger(setting.requests) || setting.requests < 1) {
    throw new TypeError(`${name}.requests must be a positive integer, got ${String(setting.requests)}`);
  }
  if (!Number.isFinite(setting.windowMs) || setting.windowMs <= 0) {
    throw new TypeError(`${name}.windowMs must be a positive number, got ${String(setting.windowMs)}`);
  }
}

interface FixedWindow {
  start: number;
  count: number;
}

/**
 * ChatWork's general limit (300 requests / 5 min) as a fixed window that opens at the first request
 * after the previous window ended, which is what `X-RateLimit-Reset` (one instant per window)
 * describes.
 *
 * Every hit counts, including the ones it rejects. That is the stricter reading: ChatWork does not
 * say whether a 429'd call uses quota, and counting it means `X-RateLimit-Remaining` can never
 * recover inside the window however the client behaves. With a fixed window it does not move the
 * reset time, so a client that waits until `X-RateLimit-Reset` always gets through.
 */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, FixedWindow>();

  constructor(private readonly setting: RateLimitSetting) {
    assertRateLimitSetting(setting, 'tokenLimit');
  }

  hit(key: string, now: number): RateDecision {
    let window = this.windows.get(key);
    if (window === undefined || now >= window.start + this.setting.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return {
      allowed: window.count <= this.setting.requests,
      limit: this.setting.requests,
      remaining: Math.max(0, this.setting.requests - window.count),
      resetAt: window.start + this.setting.windowMs,
    };
  }

  reset(): void {
    this.windows.clear();
  }
}

/**
 * ChatWork's per-room posting limit (10 posts / 10 s per room) as a sliding window: a post is
 * allowed only if fewer than `requests` posts were accepted in the last `windowMs`. This is
 * stricter than a fixed window, which would let a client squeeze 2× the limit across a window
 * boundary; a relay that passes against this passes against either.
 *
 * Only accepted posts take a slot (`tryHit` records nothing when it refuses): the limit is on
 * messages posted, and a rejected call posts nothing. A client that waits `windowMs` after a 429
 * therefore always gets through, as third-party clients' "wait 10 s" advice assumes.
 */
export class SlidingWindowLimiter {
  private readonly accepted = new Map<string, number[]>();

  constructor(private readonly setting: RateLimitSetting) {
    assertRateLimitSetting(setting, 'roomLimit');
  }

  tryHit(key: string, now: number): RateDecision {
    const cutoff = now - this.setting.windowMs;
    // Times are appended in arrival order, so expired ones are always at the front.
    const times = (this.accepted.get(key) ?? []).filter((time) => time > cutoff);
    const allowed = times.length < this.setting.requests;
    if (allowed) times.push(now);
    this.accepted.set(key, times);
    const oldest = times[0] ?? now;
    return {
      allowed,
      limit: this.setting.requests,
      remaining: Math.max(0, this.setting.requests - times.length),
      resetAt: oldest + this.setting.windowMs,
    };
  }

  reset(): void {
    this.accepted.clear();
  }
}
