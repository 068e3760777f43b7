import type { FaultList } from './faults';
import type { FixedWindowLimiter, SlidingWindowLimiter } from './rate-limiter';
import type { FakeState } from './state';

/** What request handlers share; one per started fake. */
export interface FakeContext {
  state: FakeState;
  faults: FaultList;
  tokenLimiter: FixedWindowLimiter;
  roomLimiter: SlidingWindowLimiter;
  now: () => number;
  /** Aborted by close(), so delayed answers stop waiting. */
  closing: AbortSignal;
}

/** reset(): forget traffic, faults and rate-limit state; keep accounts (and revocations). */
export function resetFake(ctx: FakeContext): void {
  ctx.state.resetTraffic();
  ctx.faults.clear();
  ctx.tokenLimiter.reset();
  ctx.roomLimiter.reset();
}
