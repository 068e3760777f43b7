import { createHmac } from 'node:crypto';

/**
 * The Stripe-Signature header exactly as Stripe builds it: `t=<unix seconds>,v1=<hex HMAC-SHA256
 * of "<t>.<payload>" keyed with the whole whsec_… secret>`.
 */
export function stripeSignatureHeader(payload: string, secret: string, timestampSec: number): string {
  const signature = createHmac('sha256', secret).update(`${timestampSec}.${payload}`, 'utf8').digest('hex');
  return `t=${timestampSec},v1=${signature}`;
}
