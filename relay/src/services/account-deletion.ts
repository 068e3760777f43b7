import { type Db, users, withTenant } from '@k2c/db';
import { eq } from '@k2c/db/operators';
import type Stripe from 'stripe';
import { cancelSubscriptionOfDeletedAccount } from '../billing/account-closure';
import { verifyPassword } from '../crypto/password';
import { AppError } from '../errors';
import type { Logger } from '../logger';
import { closeAccount } from '../queries/account-data';
import type { SessionUser } from './sessions';

/** Deleted accounts are purged after this long, so a mistake can still be raised with support. */
export const PURGE_DELAY_MS = 30 * 24 * 60 * 60_000;

/**
 * Deletes the account: keys are revoked and sessions closed at once, messages not yet sent are
 * stopped, and everything is purged 30 days later by the daily purge job.
 */
export async function requestAccountDeletion(
  deps: { db: Db; stripe?: Stripe | undefined; logger: Logger },
  session: SessionUser,
  password: string,
  now: Date,
): Promise<{ purgeAfter: string }> {
  const purgeAfter = new Date(now.getTime() + PURGE_DELAY_MS);
  await withTenant(deps.db, session.tenantId, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, session.userId));
    if (!user || !(await verifyPassword(user.passwordHash, password))) {
      throw new AppError('invalid_credentials', 'The password is wrong');
    }
    await closeAccount(tx, session.tenantId, now, purgeAfter);
  });
  if (deps.stripe)
    await cancelSubscriptionOfDeletedAccount(
      { db: deps.db, stripe: deps.stripe, logger: deps.logger },
      session.tenantId,
    );
  return { purgeAfter: purgeAfter.toISOString() };
}
