import type { Db } from '@k2c/db';
import { sha256Hex } from '../crypto/secrets';
import type { Env } from '../env';
import {
  type CountedKey,
  type CountResult,
  countRequest,
  rateLimitedError,
  uncountRequest,
} from '../http/security/fixed-window';

export type LoginThrottleSettings = Pick<Env, 'LOGIN_FAILURES_PER_EMAIL' | 'LOGIN_FAILURES_PER_IP'>;

/** Counter key of an e-mail address: its hash, so request_counters never holds an address. */
export function emailCounterKey(normalisedEmail: string): string {
  return `login:email:${sha256Hex(normalisedEmail)}`;
}

export interface LoginAttempt {
  /** The password was right: the attempt is taken back, as only failures count. */
  succeeded(): Promise<void>;
}

/**
 * Counts a login attempt as a failure before the password is checked, per e-mail address and,
 * when known, per client address; past either limit it throws 429 `rate_limited` with
 * Retry-After and the password is never looked at. Counting first (and taking the count back
 * on success) means concurrent guesses cannot all slip through before the first one is counted.
 */
export async function beginLoginAttempt(
  db: Db,
  settings: LoginThrottleSettings,
  who: { email: string; addressKey?: string | undefined },
  now: Date,
): Promise<LoginAttempt> {
  const keys: CountedKey[] = [{ key: emailCounterKey(who.email), limit: settings.LOGIN_FAILURES_PER_EMAIL }];
  if (who.addressKey) keys.push({ key: `login:ip:${who.addressKey}`, limit: settings.LOGIN_FAILURES_PER_IP });
  const counted: CountResult = await countRequest(db, keys, now);
  if (counted.retryAfterSeconds !== undefined) {
    throw rateLimitedError(counted.retryAfterSeconds, 'Too many failed logins');
  }
  return { succeeded: () => uncountRequest(db, counted) };
}
