import type { Env } from '../env';

export type PlanCode = 'free' | 'standard';

export interface Plan {
  code: PlanCode;
  name: { ja: string; en: string };
  /** Messages a month; ChatWork posts are what cost, so messages are what is counted. */
  monthlyQuota: number;
  /** Monthly price in yen (tax excluded); 0 for the free plan. */
  priceJpy: number;
  /** The Stripe price a paid plan is bought with (STRIPE_PRICE_…); none for the free plan. */
  stripePriceId?: string | undefined;
}

/** The plan catalogue in one place; a new plan is one more entry. */
export function planCatalogue(
  env: Pick<Env, 'FREE_MONTHLY_QUOTA'> & Partial<Pick<Env, 'STRIPE_PRICE_STANDARD'>>,
): Record<PlanCode, Plan> {
  return {
    free: { code: 'free', name: { ja: 'フリー', en: 'Free' }, monthlyQuota: env.FREE_MONTHLY_QUOTA, priceJpy: 0 },
    standard: {
      code: 'standard',
      name: { ja: 'スタンダード', en: 'Standard' },
      monthlyQuota: 10_000,
      priceJpy: 3_000,
      stripePriceId: env.STRIPE_PRICE_STANDARD,
    },
  };
}

/** The paid plan a Stripe price stands for; undefined for a price this relay does not sell. */
export function planForStripePrice(env: Parameters<typeof planCatalogue>[0], priceId: string): Plan | undefined {
  return Object.values(planCatalogue(env)).find(
    (plan) => plan.stripePriceId !== undefined && plan.stripePriceId === priceId,
  );
}

export function planFor(env: Parameters<typeof planCatalogue>[0], code: string): Plan {
  const plans = planCatalogue(env);
  return plans[code as PlanCode] ?? plans.free;
}
