import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function randomBase62(length: number): string {
  const bytes = randomBytes(length);
  let text = '';
  // 248 = 4 × 62: rejecting higher bytes keeps every character equally likely.
  for (const byte of bytes) if (byte < 248) text += ALPHABET[byte % 62];
  return text.length >= length ? text.slice(0, length) : text + randomBase62(length - text.length);
}

/** Prefixes Stripe uses for the objects the fake makes. */
export type IdPrefix =
  | 'cus'
  | 'cs_test'
  | 'sub'
  | 'si'
  | 'in'
  | 'il'
  | 'li'
  | 'evt'
  | 'bps'
  | 'bpc'
  | 'req'
  | 'we'
  | 'prod'
  | 'whsec';

/** A Stripe-looking id: `cus_` + 24 characters; Checkout Session ids are longer, as in Stripe. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBase62(prefix === 'cs_test' ? 58 : 24)}`;
}
