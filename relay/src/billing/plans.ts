import type { Env } from '../env';

export type PlanCode = 'free' | 'standard';

export interface Plan {
  code: PlanCode;
  name: { ja: string; en: string };
  /** Messages a month; ChatWork posts are what cost, so messages are what is counted. */
  monthlyQuota: number;
  /** Monthly price in yen (tax excluded); 0 for the free plan. */
  priceJpy: number;
}

/** The plan catalogue in one place; a new plan is one more entry. */
export function planCatalogue(env: Pick<Env, 'FREE_MONTHLY_QUOTA'>): Record<PlanCode, Plan> {
  return {
    free: { code: 'free', name: { ja: 'フリー', en: 'Free' }, monthlyQuota: env.FREE_MONTHLY_QUOTA, priceJpy: 0 },
    standard: { code: 'standard', name: { ja: 'スタンダード', en: 'Standard' }, monthlyQuota: 10_000, priceJpy: 3_000 },
  };
}

export function planFor(env: Pick<Env, 'FREE_MONTHLY_QUOTA'>, code: string): Plan {
  const plans = planCatalogue(env);
  return plans[code as PlanCode] ?? plans.free;
}
