import { describe, expect, it } from 'vitest';
import { effectivePlan, PAYMENT_GRACE_MS } from './effective-plan';
import { planForStripePrice } from './plans';
import { planFromSubscription } from './sync-subscription';

const env = { FREE_MONTHLY_QUOTA: 100, STRIPE_PRICE_STANDARD: 'price_standard' };
const now = new Date('2026-12-04T12:00:00Z');

describe('planFromSubscription', () => {
  it('grants the paid plan only while Stripe says the subscription is live', () => {
    expect(planFromSubscription({ status: 'active', planCode: 'standard' }, undefined, now)).toEqual({
      planCode: 'standard',
      planStatus: 'active',
      planGraceUntil: null,
    });
    for (const status of ['canceled', 'incomplete', 'incomplete_expired']) {
      expect(planFromSubscription({ status, planCode: 'standard' }, undefined, now).planCode).toBe('free');
    }
    // A price this relay does not sell grants nothing.
    expect(planFromSubscription({ status: 'active', planCode: undefined }, undefined, now).planCode).toBe('free');
  });

  it('starts a grace period at the first failed payment and does not extend it on later failures', () => {
    const first = planFromSubscription(
      { status: 'past_due', planCode: 'standard' },
      { planStatus: 'active', planGraceUntil: null },
      now,
    );
    expect(first).toEqual({
      planCode: 'standard',
      planStatus: 'past_due',
      planGraceUntil: new Date(now.getTime() + PAYMENT_GRACE_MS),
    });
    const later = new Date(now.getTime() + 3 * 24 * 3600_000);
    expect(planFromSubscription({ status: 'past_due', planCode: 'standard' }, first, later).planGraceUntil).toEqual(
      first.planGraceUntil,
    );
  });

  it('ends the grace period at once when Stripe gives up (unpaid), and clears it after a payment', () => {
    const grace = { planStatus: 'past_due', planGraceUntil: new Date(now.getTime() + PAYMENT_GRACE_MS) };
    expect(planFromSubscription({ status: 'unpaid', planCode: 'standard' }, grace, now).planGraceUntil).toEqual(now);
    expect(planFromSubscription({ status: 'active', planCode: 'standard' }, grace, now)).toMatchObject({
      planStatus: 'active',
      planGraceUntil: null,
    });
  });
});

describe('effectivePlan', () => {
  it('keeps the paid quota during the grace period and falls back to the free quota after it', () => {
    const during = effectivePlan(
      env,
      { planCode: 'standard', planStatus: 'past_due', planGraceUntil: new Date(now.getTime() + 1) },
      now,
    );
    expect(during).toMatchObject({ plan: { code: 'standard', monthlyQuota: 10_000 }, suspended: undefined });
    const after = effectivePlan(env, { planCode: 'standard', planStatus: 'past_due', planGraceUntil: now }, now);
    expect(after).toMatchObject({ plan: { code: 'free', monthlyQuota: 100 }, suspended: { code: 'standard' } });
  });

  it('maps a Stripe price back to its plan', () => {
    expect(planForStripePrice(env, 'price_standard')?.code).toBe('standard');
    expect(planForStripePrice(env, 'price_other')).toBeUndefined();
    expect(planForStripePrice({ FREE_MONTHLY_QUOTA: 100 }, '')).toBeUndefined();
  });
});
