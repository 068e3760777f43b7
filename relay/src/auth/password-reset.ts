import { withTenant } from '@k2c/db';
import type { AppDeps } from '../app-deps';
import { hashPassword } from '../crypto/password';
import { constantTimeEqual, randomToken, sha256Hex } from '../crypto/secrets';
import type { RateLimit } from '../env';
import { AppError } from '../errors';
import { countRequest } from '../http/security/fixed-window';
import { describeError } from '../logger';
import { findUserByEmail, updatePasswordHash } from '../queries/accounts';
import {
  consumePasswordReset,
  deleteOtherPasswordResets,
  findPasswordReset,
  insertPasswordReset,
} from '../queries/password-resets';
import { deleteSessionsOfUser } from '../queries/sessions';
import { normaliseEmail } from '../services/accounts';
import { assertNewPassword } from './password-policy';
import { resetMail } from './reset-mail';

export const RESET_LINK_VALID_MINUTES = 60;
/** More reset mails than this to one address are not sent: nobody needs them, and it stops mail bombing. */
const RESET_MAILS_PER_ADDRESS: RateLimit = { requests: 3, windowMs: 15 * 60_000 };

export type PasswordResetDeps = Pick<AppDeps, 'db' | 'env' | 'now' | 'logger' | 'mailer'>;

/**
 * Where reset links point: PUBLIC_URL, or outside production the origin the request came to. In
 * production without PUBLIC_URL there is none: the Host header is the client's to choose, and a
 * link built from it would carry a valid token to whatever host an attacker named.
 */
export function resetLinkBase(env: PasswordResetDeps['env'], requestOrigin: string | undefined): string | undefined {
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/+$/, '');
  return env.NODE_ENV === 'production' ? undefined : requestOrigin?.replace(/\/+$/, '');
}

/**
 * Starts a password reset and returns at once. Whether the address has an account changes
 * neither the answer nor its timing, because everything that depends on it — the lookup, the
 * token, the mail — happens after the caller has answered. Callers answer 202 (or show "check
 * your mail") without waiting; `settled` (never rejects) is for tests.
 *
 * When the address has an account: older links of the user stop working, a new token
 * `<id>.<secret>` is stored as the secret's SHA-256 (valid 60 minutes, once), and the link
 * `<PUBLIC_URL or origin>/password/reset?token=…` is mailed.
 */
export function requestPasswordReset(
  deps: PasswordResetDeps,
  email: string,
  origin: string | undefined,
): { settled: Promise<void> } {
  const settled = mailResetLink(deps, normaliseEmail(email), origin).catch((error: unknown) => {
    deps.logger.error('password reset mail failed', describeError(error));
  });
  return { settled };
}

async function mailResetLink(deps: PasswordResetDeps, email: string, origin: string | undefined): Promise<void> {
  const now = deps.now();
  const counted = await countRequest(
    deps.db,
    [{ key: `reset-mail:${sha256Hex(email)}`, limit: RESET_MAILS_PER_ADDRESS }],
    now,
  );
  if (counted.retryAfterSeconds !== undefined) {
    deps.logger.warn('password reset mail not sent: too many requests for one address');
    return;
  }
  const user = await findUserByEmail(deps.db, email);
  if (!user) {
    deps.logger.info('password reset requested for an address without an account');
    return;
  }
  const base = resetLinkBase(deps.env, origin);
  if (!base) {
    deps.logger.error('password reset mail not sent: set PUBLIC_URL, the address reset links point to', {
      tenantId: user.tenantId,
    });
    return;
  }
  const id = randomToken(18);
  const secret = randomToken(32);
  await withTenant(deps.db, user.tenantId, async (tx) => {
    await deleteOtherPasswordResets(tx, user.id);
    await insertPasswordReset(tx, {
      id,
      userId: user.id,
      tenantId: user.tenantId,
      secretHash: sha256Hex(secret),
      expiresAt: new Date(now.getTime() + RESET_LINK_VALID_MINUTES * 60_000),
    });
  });
  const link = `${base}/password/reset?token=${encodeURIComponent(`${id}.${secret}`)}`;
  await deps.mailer.send(resetMail(user.email, link, RESET_LINK_VALID_MINUTES));
  deps.logger.info('password reset mail sent', { tenantId: user.tenantId, userId: user.id });
}

function invalidToken(): AppError {
  return new AppError('invalid_reset_token', 'This reset link is not valid, has expired or has been used');
}

/**
 * Sets a new password with a mailed reset token: 400 `invalid_reset_token` when the token is
 * unknown, expired or used, 400 `invalid_request` when the password breaks the sign-up rule.
 * The token works once, and every session of the user is closed (whoever knew the old password
 * is logged out). Returns the account, e.g. to fill in the login form.
 */
export async function resetPassword(
  deps: Pick<AppDeps, 'db' | 'now' | 'logger'>,
  token: string,
  newPassword: string,
): Promise<{ userId: string; tenantId: string }> {
  assertNewPassword(newPassword);
  const [id, secret, extra] = token.split('.');
  if (!id || !secret || extra !== undefined || token.length > 200) throw invalidToken();
  const now = deps.now();
  const reset = await findPasswordReset(deps.db, id);
  if (!reset || !constantTimeEqual(reset.secretHash, sha256Hex(secret))) throw invalidToken();
  if (reset.usedAt || reset.expiresAt <= now) throw invalidToken();
  const passwordHash = await hashPassword(newPassword);
  const closed = await withTenant(deps.db, reset.tenantId, async (tx) => {
    if (!(await consumePasswordReset(tx, reset.id, now))) throw invalidToken();
    await updatePasswordHash(tx, reset.userId, passwordHash);
    await deleteOtherPasswordResets(tx, reset.userId, reset.id);
    return deleteSessionsOfUser(tx, reset.userId);
  });
  deps.logger.info('password reset', { tenantId: reset.tenantId, userId: reset.userId, sessionsClosed: closed });
  return { userId: reset.userId, tenantId: reset.tenantId };
}
