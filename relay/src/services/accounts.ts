import { type Db, withTenant } from '@k2c/db';
import type { AppDeps } from '../app-deps';
import { beginLoginAttempt } from '../auth/login-throttle';
import { assertNewPassword } from '../auth/password-policy';
import { hashPassword, verifyPassword } from '../crypto/password';
import { AppError } from '../errors';
import { addressKey } from '../http/security/client-address';
import { findUserByEmail, findUserById, insertTenantWithUser, updatePasswordHash } from '../queries/accounts';
import { isUniqueViolation } from '../queries/database-errors';
import { deleteOtherPasswordResets } from '../queries/password-resets';
import { deleteSessionsOfUser } from '../queries/sessions';
import type { SessionUser } from './sessions';

/** What the login and password services need from the app's dependencies. */
export type AccountDeps = Pick<AppDeps, 'db' | 'env' | 'now' | 'logger'>;

// Verifying against a real hash when the address is unknown keeps the answer time the same, so
// timing does not reveal which addresses have accounts.
let dummyHash: Promise<string> | undefined;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function signUp(db: Db, input: { email: string; password: string; companyName: string }) {
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  try {
    const { tenant, user } = await insertTenantWithUser(db, {
      companyName: input.companyName.trim(),
      email,
      passwordHash,
    });
    return { user: { id: user.id, email: user.email }, tenant: { id: tenant.id, name: tenant.name } };
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('email_taken', 'An account with this e-mail address already exists');
    throw error;
  }
}

/**
 * Checks an e-mail address and password. Failed logins are throttled per e-mail address and per
 * client address (`client.ip`, from clientAddress(c, deps.env.TRUST_PROXY)): past the limit it
 * throws 429 `rate_limited` (with Retry-After) before the password is checked; a wrong address or
 * password throws 401 `invalid_credentials`, the same for both.
 */
export async function logIn(
  deps: AccountDeps,
  input: { email: string; password: string },
  client: { ip: string | undefined },
) {
  const email = normaliseEmail(input.email);
  const who = { email, addressKey: addressKey(client.ip) };
  const attempt = await beginLoginAttempt(deps.db, deps.env, who, deps.now());
  const user = await findUserByEmail(deps.db, email);
  if (!user) {
    dummyHash ??= hashPassword('k2c-timing-equaliser');
    await verifyPassword(await dummyHash, input.password);
    throw new AppError('invalid_credentials', 'The e-mail address or password is wrong');
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw new AppError('invalid_credentials', 'The e-mail address or password is wrong');
  }
  await attempt.succeeded();
  return { userId: user.id, tenantId: user.tenantId, email: user.email };
}

/**
 * Changes the signed-in user's password: the current one must be right (401
 * `invalid_credentials`; wrong guesses count as failed logins of the address, so a stolen session
 * cannot try passwords without limit), the new one follows the sign-up rule (400
 * `invalid_request`). Every other session of the user is closed and pending reset links die; the
 * session making the change stays open.
 */
export async function changePassword(
  deps: AccountDeps,
  session: SessionUser,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  assertNewPassword(input.newPassword);
  const attempt = await beginLoginAttempt(deps.db, deps.env, { email: normaliseEmail(session.email) }, deps.now());
  const user = await withTenant(deps.db, session.tenantId, (tx) => findUserById(tx, session.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('invalid_credentials', 'The current password is wrong');
  }
  await attempt.succeeded();
  const passwordHash = await hashPassword(input.newPassword);
  const closed = await withTenant(deps.db, session.tenantId, async (tx) => {
    await updatePasswordHash(tx, user.id, passwordHash);
    await deleteOtherPasswordResets(tx, user.id);
    return deleteSessionsOfUser(tx, user.id, session.sessionId);
  });
  deps.logger.info('password changed', { tenantId: session.tenantId, userId: user.id, sessionsClosed: closed });
}
