import { secureHeaders } from 'hono/secure-headers';
import { BILLING_PAGE } from '../../billing/billing-service';
import { stripePageOrigins } from '../../billing/stripe-client';
import type { Env } from '../../env';

function isBillingPage(path: string): boolean {
  return path === BILLING_PAGE || path.startsWith(`${BILLING_PAGE}/`);
}

/**
 * hono's secure headers plus a content security policy: the dashboard loads only its own static
 * CSS and JS (no inline script or style), is never framed, and posts forms only to itself.
 * HSTS only when the relay is served over https, so a local http set-up is not pinned to https.
 */
export function securityHeaders(env: Pick<Env, 'PUBLIC_URL' | 'STRIPE_API_URL'>) {
  const https = env.PUBLIC_URL?.startsWith('https://') ?? false;
  // The billing page's upgrade and manage forms are answered with a 303 to Stripe's hosted pages,
  // and Chromium holds a form's redirects to form-action too: that page alone may post on to Stripe.
  const billingFormAction = ["'self'", ...stripePageOrigins(env)].join(' ');
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: [(c) => (isBillingPage(c.req.path) ? billingFormAction : "'self'")],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      objectSrc: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    strictTransportSecurity: https ? 'max-age=31536000; includeSubDomains' : false,
  });
}
