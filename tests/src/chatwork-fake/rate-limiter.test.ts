import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter, SlidingWindowLimiter } from './rate-limiter';

describe('FixedWindowLimiter', () => {
  it('allows `requests` hits per window, then refuses until the window that began at the first hit ends', () => {
    const limiter = new FixedWindowLimiter({ requests: 3, windowMs: 1000 });
    expect(limiter.hit('t', 100)).toEqual({ allowed: true, limit: 3, remaining: 2, resetAt: 1100 });
    expect(limiter.hit('t', 500).remaining).toBe(1);
    expect(limiter.hit('t', 900)).toEqual({ allowed: true, limit: 3, remaining: 0, resetAt: 1100 });
    expect(limiter.hit('t', 1099)).toEqual({ allowed: false, limit: 3, remaining: 0, resetAt: 1100 });
    // The window is fixed: refused hits do not push the reset further away.
    expect(limiter.hit('t', 1099).resetAt).toBe(1100);
    expect(limiter.hit('t', 1100)).toEqual({ allowed: true, limit: 3, remaining: 2, resetAt: 2100 });
  });

  it('starts a new window at the first hit after the old one ended, not on a fixed grid', () => {
    const limiter = new FixedWindowLimiter({ requests: 1, windowMs: 1000 });
    limiter.hit('t', 0);
    expect(limiter.hit('t', 5432).resetAt).toBe(6432);
  });

  it('keeps keys apart and forgets everything on reset', () => {
    const limiter = new FixedWindowLimiter({ requests: 1, windowMs: 1000 });
    expect(limiter.hit('a', 0).allowed).toBe(true);
    expect(limiter.hit('b', 0).allowed).toBe(true);
    expect(limiter.hit('a', 1).allowed).toBe(false);
    limiter.reset();
    expect(limiter.hit('a', 2).allowed).toBe(true);
  });

  it('rejects nonsensical settings', () => {
    expect(() => new FixedWindowLimiter({ requests: 0, windowMs: 1000 })).toThrow(/requests/);
    expect(() => new FixedWindowLimiter({ requests: 1.5, windowMs: 1000 })).toThrow(/requests/);
    expect(() => new FixedWindowLimiter({ requests: 1, windowMs: 0 })).toThrow(/windowMs/);
  });
});

describe('SlidingWindowLimiter', () => {
  it('refuses once `requests` were accepted within the last windowMs, and frees slots one by one', () => {
    const limiter = new SlidingWindowLimiter({ requests: 2, windowMs: 1000 });
    expect(limiter.tryHit('room', 0).allowed).toBe(true);
    expect(limiter.tryHit('room', 600).allowed).toBe(true);
    expect(limiter.tryHit('room', 999)).toEqual({ allowed: false, limit: 2, remaining: 0, resetAt: 1000 });
    // At 1000 the hit from 0 has left the window (window is (now - windowMs, now]); the one from 600 has not.
    expect(limiter.tryHit('room', 1000).allowed).toBe(true);
    expect(limiter.tryHit('room', 1500).allowed).toBe(false);
    expect(limiter.tryHit('room', 1600).allowed).toBe(true);
  });

  it('is stricter than a fixed window across a boundary', () => {
    const limiter = new SlidingWindowLimiter({ requests: 2, windowMs: 1000 });
    limiter.tryHit('room', 900);
    limiter.tryHit('room', 950);
    // A fixed window starting at 0 would allow these two; a sliding one must not.
    expect(limiter.tryHit('room', 1050).allowed).toBe(false);
    expect(limiter.tryHit('room', 1100).allowed).toBe(false);
  });

  it('does not let refused attempts take slots', () => {
    const limiter = new SlidingWindowLimiter({ requests: 1, windowMs: 1000 });
    limiter.tryHit('room', 0);
    for (let t = 100; t < 1000; t += 100) expect(limiter.tryHit('room', t).allowed).toBe(false);
    expect(limiter.tryHit('room', 1000).allowed).toBe(true);
  });

  it('keeps rooms apart and forgets everything on reset', () => {
    const limiter = new SlidingWindowLimiter({ requests: 1, windowMs: 1000 });
    limiter.tryHit('a', 0);
    expect(limiter.tryHit('b', 0).allowed).toBe(true);
    expect(limiter.tryHit('a', 0).allowed).toBe(false);
    limiter.reset();
    expect(limiter.tryHit('a', 0).allowed).toBe(true);
  });
});
