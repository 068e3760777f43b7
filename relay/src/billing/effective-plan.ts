import type { Env } from '../env';
import { type Plan, planFor } from './plans';

export interface TenantPlanState {
  planCode: string;
  planStatus: string;
  planGraceUntil: Date | null;
}

export interface EffectivePlan {
  /** The plan whose quota applies right now. */
  plan: Plan;
  /** The paid plan the tenant holds but that is suspended for an unpaid invoice past its grace period. */
  suspended: Plan | undefined;
}

/** After a failed payment the paid plan keeps working this long while Stripe retries the card. */
export const PAYMENT_GRACE_MS = 7 * 24 * 60 * 60_000;

/**
 * The plan in force: the tenant's plan, unless its payment failed and the grace period is over —
 * then the free quota applies until Stripe reports a payment (and notifications past it are
 * refused with plan_inactive rather than quota_exceeded, so people know what to fix).
 */
export function effectivePlan(env: Pick<Env, 'FREE_MONTHLY_QUOTA'>, state: TenantPlanState, now: Date): EffectivePlan {
  const plan = planFor(env, state.planCode);
  const graceOver = state.planStatus === 'past_due' && state.planGraceUntil !== null && state.planGraceUntil <= now;
  if (plan.code !== 'free' && graceOver) return { plan: planFor(env, 'free'), suspended: plan };
  return { plan, suspended: undefined };
}
