import type { Db } from '@k2c/db';
import { hashPassword, verifyPassword } from '../crypto/password';
import { AppError } from '../errors';
import { findUserByEmail, insertTenantWithUser } from '../queries/accounts';
import { isUniqueViolation } from '../queries/database-errors';

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

export async function logIn(db: Db, input: { email: string; password: string }) {
  const user = await findUserByEmail(db, normaliseEmail(input.email));
  if (!user) {
    dummyHash ??= hashPassword('k2c-timing-equaliser');
    await verifyPassword(await dummyHash, input.password);
    throw new AppError('invalid_credentials', 'The e-mail address or password is wrong');
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw new AppError('invalid_credentials', 'The e-mail address or password is wrong');
  }
  return { userId: user.id, tenantId: user.tenantId, email: user.email };
}
