import Stripe from 'stripe';
import type { Env } from '../env';

/**
 * The Stripe client, or undefined when billing is not configured (STRIPE_SECRET_KEY unset): then
 * every tenant stays on the free plan and the billing endpoints say so. STRIPE_API_URL points the
 * client at another server (tests use a local one that speaks Stripe's wire format).
 */
export function createStripe(env: Pick<Env, 'STRIPE_SECRET_KEY' | 'STRIPE_API_URL'>): Stripe | undefined {
  if (!env.STRIPE_SECRET_KEY) return undefined;
  const target = env.STRIPE_API_URL ? new URL(env.STRIPE_API_URL) : undefined;
  return new Stripe(env.STRIPE_SECRET_KEY, {
    maxNetworkRetries: 2,
    timeout: 10_000,
    telemetry: false,
    ...(target
      ? {
          host: target.hostname,
          port: Number(target.port || (target.protocol === 'https:' ? 443 : 80)),
          protocol: target.protocol === 'http:' ? 'http' : 'https',
        }
      : {}),
  });
}

/**
 * Where Stripe's hosted Checkout and Customer Portal pages are, which the billing page's forms
 * lead to; with STRIPE_API_URL, that server too (the local Stripe serves its pages itself).
 */
export function stripePageOrigins(env: Pick<Env, 'STRIPE_API_URL'>): string[] {
  const local = env.STRIPE_API_URL ? [new URL(env.STRIPE_API_URL).origin] : [];
  return ['https://checkout.stripe.com', 'https://billing.stripe.com', ...local];
}
