import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** URL-safe random text with `bytes` bytes of entropy. */
export function randomToken(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The end of a secret, enough for a person to tell two apart and useless to an attacker. */
export function secretHint(secret: string): string {
  return secret.slice(-4);
}
